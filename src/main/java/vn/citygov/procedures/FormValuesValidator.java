package vn.citygov.procedures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Checks the values of a submitted e-form against its schema and lists every field error: required,
 * wrong type, personal identification number, date, number range, select option, admin unit code,
 * group size. Values are as parsed from JSON: strings, numbers, maps (address, group item) and lists.
 */
@Service
public class FormValuesValidator {

    static final Pattern ID_NUMBER = Pattern.compile("^[0-9]{12}$");
    static final Pattern ADMIN_UNIT = Pattern.compile("^[0-9]{5}$");
    static final int MAX_TEXT = 500;
    static final int MAX_TEXTAREA = 4000;

    public List<FieldError> check(FormSchema schema, Map<String, ?> values) {
        List<FieldError> errors = new ArrayList<>();
        checkFields(schema == null ? List.of() : schema.fields(), values == null ? Map.of() : values, "", errors);
        return errors;
    }

    private void checkFields(List<FormField> fields, Map<?, ?> values, String prefix, List<FieldError> errors) {
        for (FormField field : fields) {
            String path = prefix + field.name();
            Object value = values.get(field.name());
            if (empty(value)) {
                if (field.required() || (field.group() && field.minItems() != null && field.minItems() > 0)) {
                    errors.add(new FieldError(path, "required"));
                }
                continue;
            }
            checkValue(field, value, path, errors);
        }
        for (Object key : values.keySet()) {
            if (fields.stream().noneMatch(f -> f.name() != null && f.name().equals(key))) {
                errors.add(new FieldError(prefix + key, "unknown-field"));
            }
        }
    }

    private void checkValue(FormField field, Object value, String path, List<FieldError> errors) {
        switch (field.type()) {
            case "text", "textarea" -> {
                if (!(value instanceof String text)) {
                    errors.add(new FieldError(path, "type"));
                } else if (text.length() > ("text".equals(field.type()) ? MAX_TEXT : MAX_TEXTAREA)) {
                    errors.add(new FieldError(path, "too-long"));
                }
            }
            case "id_number" -> {
                if (!(value instanceof String text)) {
                    errors.add(new FieldError(path, "type"));
                } else if (!ID_NUMBER.matcher(text.strip()).matches()) {
                    errors.add(new FieldError(path, "id-number"));
                }
            }
            case "date" -> {
                if (!(value instanceof String text)) {
                    errors.add(new FieldError(path, "type"));
                } else {
                    try {
                        LocalDate.parse(text.strip());
                    } catch (DateTimeParseException e) {
                        errors.add(new FieldError(path, "date"));
                    }
                }
            }
            case "number" -> checkNumber(field, value, path, errors);
            case "select" -> {
                if (!(value instanceof String text)) {
                    errors.add(new FieldError(path, "type"));
                } else if (field.options().stream().noneMatch(o -> text.equals(o.value()))) {
                    errors.add(new FieldError(path, "option"));
                }
            }
            case "address" -> checkAddress(field, value, path, errors);
            case "group" -> checkGroup(field, value, path, errors);
            default -> errors.add(new FieldError(path, "type"));
        }
    }

    private void checkNumber(FormField field, Object value, String path, List<FieldError> errors) {
        BigDecimal number;
        try {
            number = switch (value) {
                case BigDecimal d -> d;
                case Integer i -> BigDecimal.valueOf(i);
                case Long l -> BigDecimal.valueOf(l);
                case Number n -> new BigDecimal(n.toString());
                case String s when s.strip().length() <= 40 -> new BigDecimal(s.strip());
                default -> null;
            };
        } catch (NumberFormatException e) {
            number = null;
        }
        if (number == null) {
            errors.add(new FieldError(path, "number"));
        } else if (field.min() != null && number.compareTo(field.min()) < 0) {
            errors.add(new FieldError(path, "number-min"));
        } else if (field.max() != null && number.compareTo(field.max()) > 0) {
            errors.add(new FieldError(path, "number-max"));
        }
    }

    private void checkAddress(FormField field, Object value, String path, List<FieldError> errors) {
        if (!(value instanceof Map<?, ?> address)) {
            errors.add(new FieldError(path, "type"));
            return;
        }
        Object unit = address.get("adminUnitCode");
        if (empty(unit)) {
            errors.add(new FieldError(path + ".adminUnitCode", "required"));
        } else if (!(unit instanceof String code) || !ADMIN_UNIT.matcher(code).matches()) {
            errors.add(new FieldError(path + ".adminUnitCode", "admin-unit-code"));
        }
        Object street = address.get("street");
        if (empty(street) && field.required()) {
            errors.add(new FieldError(path + ".street", "required"));
        } else if (street != null && (!(street instanceof String s) || s.length() > MAX_TEXT)) {
            errors.add(new FieldError(path + ".street", "type"));
        }
    }

    private void checkGroup(FormField field, Object value, String path, List<FieldError> errors) {
        if (!(value instanceof List<?> items)) {
            errors.add(new FieldError(path, "type"));
            return;
        }
        if (field.minItems() != null && items.size() < field.minItems()) {
            errors.add(new FieldError(path, "too-few"));
        }
        if (field.maxItems() != null && items.size() > field.maxItems()) {
            errors.add(new FieldError(path, "too-many"));
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Map<?, ?> item) {
                checkFields(field.fields(), item, path + "[" + i + "].", errors);
            } else {
                errors.add(new FieldError(path + "[" + i + "]", "type"));
            }
        }
    }

    private static boolean empty(Object value) {
        return value == null || (value instanceof String s && s.isBlank()) || (value instanceof List<?> l && l.isEmpty());
    }
}
