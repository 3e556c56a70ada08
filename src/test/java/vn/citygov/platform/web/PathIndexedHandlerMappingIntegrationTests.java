package vn.citygov.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import vn.citygov.support.IntegrationTest;

/**
 * The path index picks exactly the handler that Spring's scan over every mapping picks, for every route of the
 * application and for paths that match none, and it tries only a handful of mappings for the status lookup.
 */
@IntegrationTest
class PathIndexedHandlerMappingIntegrationTests {

    private static final List<String> SAMPLES = List.of("1", "H29-261123-000001-K7QXM", "abc", "ubnd-26740");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyRouteGetsTheSameHandlerAsTheFullScan() throws Exception {
        PathIndexedHandlerMapping indexed = (PathIndexedHandlerMapping) mapping;
        List<String[]> requests = new ArrayList<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                for (String sample : SAMPLES) {
                    String path = pattern.getPatternString().replaceAll("\\{\\*[^}]+}", sample + "/x")
                            .replaceAll("\\{[^}]+}", sample).replace("/**", "/" + sample).replace("*", sample);
                    for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        requests.add(new String[] {m.name(), path});
                    }
                }
            }
        }
        for (String path : List.of("/api/v1/does-not-exist", "/api/v1/dossiers/1/unknown", "/api/v1/dossiers/",
                "/api/v1/%64ossiers/H29-261123-000001-K7QXM/status", "/api/v1/dossiers;x=1/1", "//api/v1/dossiers",
                "/", "/nothing/here", "/api/v1/procedures/", "/service-index/tables/ranking.csv")) {
            for (String m : List.of("GET", "POST", "DELETE")) {
                requests.add(new String[] {m, path});
            }
        }
        assertThat(requests).hasSizeGreaterThan(500);
        int compared = 0;
        for (String[] r : requests) {
            assertThat(outcome(indexed, r[0], r[1], false)).as(r[0] + " " + r[1])
                    .isEqualTo(outcome(indexed, r[0], r[1], true));
            compared++;
        }
        assertThat(compared).isEqualTo(requests.size());
    }

    @Test
    void statusLookupTriesAHandfulOfMappings() {
        PathIndexedHandlerMapping indexed = (PathIndexedHandlerMapping) mapping;
        MockHttpServletRequest request = request("GET", "/api/v1/dossiers/H29-261123-000001-K7QXM/status");
        assertThat(mapping.getHandlerMethods()).hasSizeGreaterThan(100);
        assertThat(indexed.candidateCount(request)).isBetween(1, 30);
    }

    /** The handler method and path variables chosen, or the exception thrown, by one lookup. */
    private static String outcome(PathIndexedHandlerMapping mapping, String method, String path, boolean full) {
        MockHttpServletRequest request = request(method, path);
        try {
            HandlerMethod handler;
            if (full) {
                handler = mapping.fullScan(ServletRequestPathUtils.getParsedRequestPath(request)
                        .pathWithinApplication().value(), request);
            } else {
                HandlerExecutionChain chain = mapping.getHandler(request);
                handler = chain == null ? null : (HandlerMethod) chain.getHandler();
            }
            return (handler == null ? "none" : handler.getMethod().toString()) + " "
                    + Objects.toString(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)) + " "
                    + Objects.toString(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        } catch (Exception e) {
            return e.getClass().getName();
        }
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Accept", "application/json");
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }
}
