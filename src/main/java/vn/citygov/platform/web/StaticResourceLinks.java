package vn.citygov.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links to static files (webjars with their version, styles, scripts, images, fonts) are rewritten by Spring's
 * resource chain; every other link of a page is left alone. Spring's own filter sends every link through the
 * resource resolvers, and a page link (/dossiers/42) is looked for as a file on the class path, in every jar,
 * each time: measured, it made a work-queue page of 20 rows spend most of its time there. In place of the filter
 * Spring Boot would register.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceLinks {

    /** Where static files are served; the same prefixes the session filter skips. */
    static final List<String> PREFIXES = List.of("/webjars/", "/css/", "/js/", "/img/", "/fonts/", "/favicon.ico");

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new StaticOnlyFilter());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** Spring's filter, with the links it sees narrowed to static files. */
    static final class StaticOnlyFilter extends ResourceUrlEncodingFilter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse plain)) {
                chain.doFilter(request, response);
                return;
            }
            super.doFilter(request, response, (req, res) -> chain.doFilter(req,
                    new Selective((HttpServletResponse) res, plain, http.getContextPath())));
        }
    }

    /** Static links go to the resource chain's response, the others to the response underneath it. */
    static final class Selective extends HttpServletResponseWrapper {

        private final HttpServletResponse plain;
        private final String contextPath;

        Selective(HttpServletResponse resolving, HttpServletResponse plain, String contextPath) {
            super(resolving);
            this.plain = plain;
            this.contextPath = contextPath == null ? "" : contextPath;
        }

        @Override
        public String encodeURL(String url) {
            return isStatic(url) ? super.encodeURL(url) : plain.encodeURL(url);
        }

        private boolean isStatic(String url) {
            String path = url.startsWith(contextPath) ? url.substring(contextPath.length()) : url;
            return PREFIXES.stream().anyMatch(path::startsWith);
        }
    }
}
