package vn.citygov.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page's form sent with files over the upload limits (or a broken multipart body) gets the site's friendly
 * error page (413 or 400) in the visitor's language. The body is read here, before the security filters: their
 * CSRF check reads the form's parameters, and left to them the failure would reach the container as a bare error
 * whose error page cannot read the body either. The API answers such uploads itself, as problem+json.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class PageUploadLimitFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        String accept = request.getHeader("Accept");
        return !"POST".equals(request.getMethod()) || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || accept == null || !accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpStatus refused = null;
        try {
            request.getParts();
        } catch (IllegalStateException e) {
            // Tomcat's way of saying a file or the whole request passed the multipart limits.
            refused = HttpStatus.CONTENT_TOO_LARGE;
        } catch (IOException | ServletException e) {
            refused = HttpStatus.BAD_REQUEST;
        }
        if (refused == null) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, refused.value());
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        request.getRequestDispatcher("/error").forward(new UnreadableForm(request), response);
    }

    /** The request as a plain GET without a body, so nothing downstream tries to read the refused form again. */
    private static final class UnreadableForm extends HttpServletRequestWrapper {

        UnreadableForm(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }
    }
}
