package vn.citygov.feedback.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A service request with media over the upload limits, or a malformed multipart body, fails before any
 * controller is chosen, so {@link Open311Errors} cannot answer it: this answers in the GeoReport v2 error format
 * instead of problem+json, so the Open311 client can read why.
 */
@Component
class Open311MultipartErrors implements HandlerExceptionResolver, Ordered {

    private final String limits;

    Open311MultipartErrors(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize perFile,
            @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize perRequest) {
        this.limits = "at most " + perFile.toMegabytes() + " MB a file and " + perRequest.toMegabytes()
                + " MB a request";
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!(ex instanceof MultipartException) || response.isCommitted()
                || !request.getRequestURI().startsWith(request.getContextPath() + Open311Controller.BASE + "/")) {
            return null;
        }
        boolean tooLarge = ex instanceof MaxUploadSizeExceededException;
        String format = request.getRequestURI().endsWith(".xml") ? "xml" : "json";
        ResponseEntity<String> error = Open311Format.error(tooLarge ? 413 : 400, format,
                tooLarge ? "media: the request is too large (" + limits + ")" : "the multipart/form-data body is malformed");
        try {
            response.setStatus(error.getStatusCode().value());
            response.setContentType(String.valueOf(error.getHeaders().getContentType()));
            response.getOutputStream().write(error.getBody().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
