package vn.citygov.procedures;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Refuses a malformed e-form schema, saying why and where: unknown type, missing or duplicate field
 * name, select without options, group without fields, impossible ranges. Pure Java, no database.
 */
@Service
public class FormSchemaValidator {

    /** Names become keys of submitted values and of future database columns: keep them plain. */
    static final Pattern NAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_]{0,63}$");
    static final int MAX_DEPTH = 3;
    static final int MAX_FIELDS = 200;

    public List<FieldError> check(FormSchema schema) {
        List<FieldError> errors = new ArrayList<>();
        if (schema == null) {
            return errors;
        }
        checkFields(schema.fields(), "fields", 1, errors);
        return errors;
    }

    private void checkFields(List<FormField> fields, String path, int depth, List<FieldError> errors) {
        if (fields.size() > MAX_FIELDS) {
            errors.add(new FieldError(path, "too-many-fields"));
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            FormField field = fields.get(i);
            String at = path + "[" + i + "]";
            if (field.name() == null || field.name().isBlank()) {
                errors.add(new FieldError(at + ".name", "missing-name"));
            } else if (!NAME.matcher(field.name()).matches()) {
                errors.add(new FieldError(at + ".name", "invalid-name"));
            } else if (!names.add(field.name())) {
                errors.add(new FieldError(at + ".name", "duplicate-name"));
            }
            if (blank(field.label()) || blank(field.labelEn())) {
                errors.add(new FieldError(at + ".label", "missing-label"));
            }
            if (field.type() == null || !FormField.TYPES.contains(field.type())) {
                errors.add(new FieldError(at + ".type", "unknown-type"));
                continue;
            }
            checkType(field, at, depth, errors);
        }
    }

    private void checkType(FormField field, String at, int depth, List<FieldError> errors) {
        if (!"select".equals(field.type()) && !field.options().isEmpty()) {
            errors.add(new FieldError(at + ".options", "options-not-allowed"));
        }
        if (!field.group() && !field.fields().isEmpty()) {
            errors.add(new FieldError(at + ".fields", "fields-not-allowed"));
        }
        switch (field.type()) {
            case "select" -> {
                if (field.options().isEmpty()) {
                    errors.add(new FieldError(at + ".options", "select-without-options"));
                }
                Set<String> values = new HashSet<>();
                for (int j = 0; j < field.options().size(); j++) {
                    FormField.FormOption option = field.options().get(j);
                    if (blank(option.value())) {
                        errors.add(new FieldError(at + ".options[" + j + "].value", "option-without-value"));
                    } else if (!values.add(option.value())) {
                        errors.add(new FieldError(at + ".options[" + j + "].value", "duplicate-option"));
                    }
                    if (blank(option.label()) || blank(option.labelEn())) {
                        errors.add(new FieldError(at + ".options[" + j + "].label", "missing-label"));
                    }
                }
            }
            case "number" -> {
                if (field.min() != null && field.max() != null && field.min().compareTo(field.max()) > 0) {
                    errors.add(new FieldError(at + ".min", "invalid-range"));
                }
            }
            case "group" -> {
                if (field.fields().isEmpty()) {
                    errors.add(new FieldError(at + ".fields", "group-without-fields"));
                } else if (depth >= MAX_DEPTH) {
                    errors.add(new FieldError(at + ".fields", "too-deep"));
                } else {
                    checkFields(field.fields(), at + ".fields", depth + 1, errors);
                }
                Integer min = field.minItems();
                Integer max = field.maxItems();
                if ((min != null && min < 0) || (max != null && max < 1) || (min != null && max != null && min > max)) {
                    errors.add(new FieldError(at + ".minItems", "invalid-range"));
                }
            }
            default -> {
                if (field.min() != null || field.max() != null) {
                    errors.add(new FieldError(at + ".min", "range-not-allowed"));
                }
            }
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
