package vn.citygov.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mapping, with the handlers for a path looked up among the mappings whose leading literal
 * segments it starts with, instead of trying every mapping of the application (several hundred) on each request
 * to a path with variables, such as the public status lookup. The choice is Spring's own: the same match test
 * and the same ordering over those candidates, direct paths first. Anything unusual — a CORS pre-flight, no
 * candidate matching, two equally good matches — goes to the full scan, so errors and 404/405 answers are
 * exactly Spring's.
 */
class PathIndexedHandlerMapping extends RequestMappingHandlerMapping {

    private volatile Node index;

    @Override
    protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        super.handlerMethodsInitialized(handlerMethods);
        index = null;
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        index = null;
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        index = null;
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        if (CorsUtils.isPreFlightRequest(request) || !ServletRequestPathUtils.hasParsedRequestPath(request)
                || (getPatternParser() != null && !getPatternParser().isCaseSensitive())) {
            return fullScan(lookupPath, request);
        }
        List<Candidate> candidates = index().candidates(ServletRequestPathUtils.getParsedRequestPath(request));
        List<Candidate> direct = new ArrayList<>();
        List<Candidate> matched = new ArrayList<>();
        for (Candidate c : candidates) {
            RequestMappingInfo match = getMatchingMapping(c.info(), request);
            if (match != null) {
                boolean isDirect = getDirectPaths(c.info()).contains(lookupPath);
                (isDirect ? direct : matched).add(new Candidate(match, c.handler()));
            }
        }
        List<Candidate> matches = direct.isEmpty() ? matched : direct; // as Spring: direct paths win
        if (matches.isEmpty()) {
            return fullScan(lookupPath, request);
        }
        Candidate best = matches.getFirst();
        if (matches.size() > 1) {
            Comparator<Candidate> order = Comparator.comparing(Candidate::info, getMappingComparator(request));
            matches.sort(order);
            best = matches.getFirst();
            if (order.compare(best, matches.get(1)) == 0) {
                return fullScan(lookupPath, request); // ambiguous: let Spring report it
            }
        }
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler());
        handleMatch(best.info(), lookupPath, request);
        return best.handler();
    }

    /** How many mappings a request is tried against (all of them before this index). */
    int candidateCount(HttpServletRequest request) {
        return index().candidates(ServletRequestPathUtils.getParsedRequestPath(request)).size();
    }

    /** Spring's own lookup over every mapping. */
    HandlerMethod fullScan(String lookupPath, HttpServletRequest request) throws Exception {
        return super.lookupHandlerMethod(lookupPath, request);
    }

    private Node index() {
        Node root = index;
        if (root == null) {
            root = new Node();
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : getHandlerMethods().entrySet()) {
                Candidate candidate = new Candidate(e.getKey(), e.getValue());
                if (e.getKey().getPathPatternsCondition() == null
                        || e.getKey().getPathPatternsCondition().getPatterns().isEmpty()) {
                    root.here.add(candidate);
                    continue;
                }
                for (PathPattern pattern : e.getKey().getPathPatternsCondition().getPatterns()) {
                    root.add(literalPrefix(pattern.getPatternString()), candidate);
                }
            }
            index = root;
        }
        return root;
    }

    /** The pattern's segments up to the first one with a variable or a wildcard (or an empty one). */
    static List<String> literalPrefix(String pattern) {
        List<String> literal = new ArrayList<>();
        for (String segment : pattern.split("/", -1)) {
            if (segment.isEmpty() && literal.isEmpty()) {
                continue; // the leading slash
            }
            boolean wildcard = segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0;
            if (segment.isEmpty() || wildcard) {
                break;
            }
            literal.add(segment);
        }
        return literal;
    }

    /** A mapping with its handler; once matched, the mapping narrowed to what the request matched. */
    private record Candidate(RequestMappingInfo info, HandlerMethod handler) {
    }

    /** A trie over literal path segments; each node holds the mappings whose literal prefix ends there. */
    private static final class Node {

        private final Map<String, Node> children = new HashMap<>();
        private final List<Candidate> here = new ArrayList<>();

        void add(List<String> segments, Candidate candidate) {
            Node node = this;
            for (String s : segments) {
                node = node.children.computeIfAbsent(s, k -> new Node());
            }
            if (!node.here.contains(candidate)) {
                node.here.add(candidate);
            }
        }

        /** Every mapping whose literal prefix the path starts with (decoded segments, as patterns match them). */
        List<Candidate> candidates(RequestPath path) {
            Set<Candidate> found = new LinkedHashSet<>(here);
            Node node = this;
            for (PathContainer.Element element : path.pathWithinApplication().elements()) {
                if (!(element instanceof PathContainer.PathSegment segment)) {
                    continue;
                }
                node = node.children.get(segment.valueToMatch());
                if (node == null) {
                    break;
                }
                found.addAll(node.here);
            }
            return List.copyOf(found);
        }
    }
}
