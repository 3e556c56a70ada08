package vn.citygov.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;
import vn.citygov.platform.error.Problems;

/**
 * Answers a multipart upload over the limits (413) or malformed (400) directly: as problem+json for the API,
 * as the site's friendly error page for a page's form sent by a browser. Left to the container's error page,
 * the error dispatch would parse the same oversized body again, fail again, and send an empty answer; and no
 * controller advice applies, as no controller was chosen yet.
 */
@Component
class MultipartProblemResolver implements HandlerExceptionResolver, Ordered {

    private final Problems problems;
    private final JsonMapper json;

    MultipartProblemResolver(Problems problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!(ex instanceof MultipartException) || response.isCommitted()) {
            return null;
        }
        HttpStatus status = ex instanceof MaxUploadSizeExceededException ? HttpStatus.CONTENT_TOO_LARGE
                : HttpStatus.BAD_REQUEST;
        if (isPage(request)) {
            response.setStatus(status.value());
            ModelAndView page = new ModelAndView("error/page");
            page.addObject("status", status.value());
            page.addObject("kind", status == HttpStatus.CONTENT_TOO_LARGE ? "413" : "other");
            return page;
        }
        try {
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), Problems.asMap(problems.forStatus(status)));
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    /** A page's form sent by a browser: not the API, and HTML wanted. */
    private static boolean isPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/") && accept != null
                && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
