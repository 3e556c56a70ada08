package vn.citygov.identity.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The errors of one identity form, in the visitor's language and in form order: one message per field,
 * for the error summary at the top and the message beside each input.
 */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    static FormErrors none() {
        return new FormErrors();
    }

    static FormErrors of(BindingResult result, MessageSource messages, Locale locale, List<String> fieldOrder) {
        FormErrors errors = new FormErrors();
        List<FieldError> fieldErrors = new ArrayList<>(result.getFieldErrors());
        // An empty field also fails its pattern; "enter X" is the message to show, whatever order the
        // validator reports them in.
        fieldErrors.sort(java.util.Comparator.<FieldError>comparingInt(e -> position(fieldOrder, e.getField()))
                .thenComparing(e -> !"validation.required".equals(e.getDefaultMessage())));
        for (FieldError error : fieldErrors) {
            errors.add(error.getField(), messages.getMessage(key(error), null, locale));
        }
        return errors;
    }

    /** "This field is required" suits the API; a form says which field and what to do. */
    private static String key(FieldError error) {
        String key = error.getDefaultMessage();
        if (error.isBindingFailure() || key == null) {
            return "error.validation";
        }
        return switch (key) {
            case "validation.required" -> "identity.user.required." + error.getField();
            case "validation.too-long" -> "identity.user.too-long";
            default -> key;
        };
    }

    void add(String field, String message) {
        byField.putIfAbsent(field, message);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public Map<String, String> all() {
        return byField;
    }

    private static int position(List<String> order, String field) {
        int index = order.indexOf(field);
        return index < 0 ? order.size() : index;
    }
}
