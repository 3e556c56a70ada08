package vn.citygov.platform.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page: problem+json for API paths, a friendly page in the visitor's language
 * for everything else. Never shows a stack trace.
 */
@Controller
class ErrorPageController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPageController.class);

    private final Problems problems;

    ErrorPageController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping(value = "/error", produces = {MediaType.TEXT_HTML_VALUE})
    String page(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (isApi(request)) {
            return "forward:/error/problem";
        }
        HttpStatus status = statusOf(request);
        logIfServerError(request, status);
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("kind", switch (status.value()) {
            case 403, 404, 413, 500 -> String.valueOf(status.value());
            default -> status.is5xxServerError() ? "500" : "other";
        });
        return "error/page";
    }

    @RequestMapping({"/error", "/error/problem"})
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        logIfServerError(request, status);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.forStatus(status));
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri != null && uri.toString().startsWith(request.getContextPath() + "/api/");
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            if (status != null && status.isError()) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static void logIfServerError(HttpServletRequest request, HttpStatus status) {
        if (status.is5xxServerError()) {
            Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            log.error("Server error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    error instanceof Throwable t ? t : null);
        }
    }
}
