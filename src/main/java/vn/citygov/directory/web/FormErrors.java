package vn.citygov.directory.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The errors of one form submission, in the visitor's language: one message per field, in form order,
 * for the error summary at the top and the message beside each input.
 */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    static FormErrors none() {
        return new FormErrors();
    }

    static FormErrors of(BindingResult result, MessageSource messages, List<String> fieldOrder) {
        FormErrors errors = new FormErrors();
        List<FieldError> fieldErrors = new ArrayList<>(result.getFieldErrors());
        fieldErrors.sort((a, b) -> Integer.compare(position(fieldOrder, a.getField()), position(fieldOrder, b.getField())));
        for (FieldError error : fieldErrors) {
            // Type mismatches carry Spring's own text; constraint messages are our message keys.
            String key = error.isBindingFailure() || error.getDefaultMessage() == null
                    ? "directory.validation.invalid" : error.getDefaultMessage();
            errors.add(baseField(error.getField()), messages.getMessage(key, null, key, LocaleContextHolder.getLocale()));
        }
        return errors;
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

    /** "workKinds[1]" is reported on the workKinds group. */
    private static String baseField(String field) {
        int bracket = field.indexOf('[');
        return bracket < 0 ? field : field.substring(0, bracket);
    }

    private static int position(List<String> order, String field) {
        int index = order.indexOf(baseField(field));
        return index < 0 ? order.size() : index;
    }
}
