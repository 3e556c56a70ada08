package vn.citygov.feedback.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.citygov.files.FileRejectedException;
import vn.citygov.platform.error.CityGovException;
import vn.citygov.platform.error.InvalidInputException;

/** Open311 errors in the GeoReport v2 format, never problem+json: what Open311 clients parse. */
@RestControllerAdvice(assignableTypes = {Open311Controller.class, Open311ServicesController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

    private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

    private final MessageSource messages;

    Open311Errors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<String> open311(Open311Exception e, HttpServletRequest request) {
        return Open311Format.error(e.status(), format(request), e.getMessage());
    }

    /** The checks of a new report (text, place, contact) speak for themselves; field names as Open311 knows them. */
    @ExceptionHandler(CityGovException.class)
    ResponseEntity<String> cityGov(CityGovException e, HttpServletRequest request) {
        String text = messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), Locale.ENGLISH);
        if (e instanceof InvalidInputException invalid && invalid.field() != null) {
            text = open311Name(invalid.field()) + ": " + text;
        } else if (e instanceof FileRejectedException) {
            // The file checks speak of a file; the client sent it as media.
            text = "media: " + text;
        }
        return Open311Format.error(e.status().value(), format(request), text);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> other(Exception e, HttpServletRequest request) {
        log.error("Open311 request failed", e);
        return Open311Format.error(500, format(request), "internal error");
    }

    private static String open311Name(String field) {
        return switch (field) {
            case "lon" -> "long";
            case "categoryCode" -> "service_code";
            case "contactEmail" -> "email";
            case "contactPhone" -> "phone";
            case "mediaUrl" -> "media_url";
            case "photos" -> "media";
            case "title" -> "description";
            case "address" -> "address_string";
            // A report's answer to an attribute, named as the client sent it.
            default -> field.startsWith("attributes.") ? "attribute[" + field.substring("attributes.".length()) + "]"
                    : field;
        };
    }

    private static String format(HttpServletRequest request) {
        return request.getRequestURI().endsWith(".xml") ? "xml" : "json";
    }
}
