package vn.citygov.platform.error;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every exception raised inside a REST controller to application/problem+json with a detail in
 * the caller's language. Errors raised before a controller is chosen (unknown path, wrong method,
 * unsupported type) reach {@link ErrorPageController} instead.
 */
@Order(0)
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Problems problems;

    ApiExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(CityGovException.class)
    ResponseEntity<ProblemDetail> handleCityGov(CityGovException ex) {
        ProblemDetail problem = problems.create(ex.status(), ex.code(), ex.messageKey(), ex.arguments());
        if (ex instanceof InvalidInputException invalid && invalid.field() != null) {
            problems.addFieldErrors(problem, List.of(new Problems.FieldProblem(invalid.field(), problem.getDetail())));
        }
        return respond(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException ex) {
        return respond(problems.forStatus(HttpStatus.FORBIDDEN));
    }

    @ExceptionHandler({OptimisticLockingFailureException.class})
    ResponseEntity<ProblemDetail> handleStale(Exception ex) {
        return respond(problems.create(HttpStatus.CONFLICT, "stale-version", "error.stale-version"));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> handleDuplicate(DuplicateKeyException ex) {
        return respond(problems.create(HttpStatus.CONFLICT, "duplicate", "error.duplicate"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
        ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "invalid-input", "error.invalid-parameter", ex.getName());
        problems.addFieldErrors(problem, List.of(new Problems.FieldProblem(ex.getName(), problem.getDetail())));
        return respond(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException ex) {
        ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "invalid-input", "error.validation");
        problems.addFieldErrors(problem, ex.getConstraintViolations().stream()
                .map(v -> new Problems.FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList());
        return respond(problem);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> handleIllegalArgument(IllegalArgumentException ex) {
        return respond(problems.create(HttpStatus.BAD_REQUEST, "invalid-input", "error.validation"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
        log.error("Unexpected error in API call", ex);
        return respond(problems.forStatus(HttpStatus.INTERNAL_SERVER_ERROR));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "invalid-input", "error.validation");
        problems.addFieldErrors(problem, ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new Problems.FieldProblem(e.getField(), problems.message(e.getDefaultMessage() == null
                        ? "error.validation" : e.getDefaultMessage())))
                .toList());
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "invalid-input", "error.validation");
        problems.addFieldErrors(problem, ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(e -> new Problems.FieldProblem(
                        r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
                .toList());
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof vn.citygov.platform.web.BodyTooLargeException) {
                return new ResponseEntity<>(problems.forStatus(HttpStatus.CONTENT_TOO_LARGE), problemHeaders(),
                        HttpStatus.CONTENT_TOO_LARGE);
            }
        }
        return new ResponseEntity<>(problems.create(HttpStatus.BAD_REQUEST, "malformed-body", "error.malformed-body"),
                problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "invalid-input", "error.missing-parameter",
                ex.getParameterName());
        problems.addFieldErrors(problem, List.of(new Problems.FieldProblem(ex.getParameterName(), problem.getDetail())));
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        // Every other Spring MVC exception: keep its status, give it our localised shape.
        HttpHeaders merged = problemHeaders();
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                    merged.addAll(name, values);
                }
            });
        }
        return new ResponseEntity<>(problems.forStatus(statusCode), merged, statusCode);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).headers(problemHeaders()).body(problem);
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
