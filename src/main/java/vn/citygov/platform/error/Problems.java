package vn.citygov.platform.error;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.slf4j.MDC;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Builds RFC 9457 problem details with a localised title and detail, the same way everywhere. */
@Component
public class Problems {

    private final MessageSource messages;

    public Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail create(HttpStatusCode status, String code, String messageKey, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("/problems/" + code));
        problem.setTitle(message("problem.title." + status.value(), locale, "problem.title.default"));
        problem.setDetail(messages.getMessage(messageKey, arguments, messageKey, locale));
        problem.setProperty("code", code);
        String requestId = MDC.get("requestId");
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    public ProblemDetail forStatus(HttpStatusCode status) {
        String key = "problem.detail." + status.value();
        return create(status, codeFor(status), key);
    }

    public void addFieldErrors(ProblemDetail problem, List<FieldProblem> errors) {
        problem.setProperty("errors", errors);
    }

    public String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

    private String message(String key, Locale locale, String fallbackKey) {
        String text = messages.getMessage(key, null, null, locale);
        return text != null ? text : messages.getMessage(fallbackKey, null, fallbackKey, locale);
    }

    /** The wire form of a problem, for code that writes responses without Spring MVC's converters. */
    public static java.util.Map<String, Object> asMap(ProblemDetail problem) {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("type", problem.getType().toString());
        map.put("title", problem.getTitle());
        map.put("status", problem.getStatus());
        map.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            map.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            map.putAll(problem.getProperties());
        }
        return map;
    }

    static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 429 -> "too-many-requests";
            default -> status.is5xxServerError() ? "server-error" : "error";
        };
    }

    /** One invalid field: where it is and what is wrong, in the caller's language. */
    public record FieldProblem(String field, String message) {
    }
}
