package vn.citygov.procedures;

import java.math.BigDecimal;
import java.util.List;

/**
 * One field of an e-form schema. Which parts matter depends on the type: {@code options} for select,
 * {@code min}/{@code max} for number, {@code minItems}/{@code maxItems} and {@code fields} for group.
 *
 * @param name the key of the value in a submission; unique among its siblings
 * @param type one of {@link #TYPES}
 */
public record FormField(String name, String type, String label, String labelEn, Boolean required,
        List<FormOption> options, BigDecimal min, BigDecimal max, Integer minItems, Integer maxItems,
        List<FormField> fields) {

    public static final List<String> TYPES = List.of("text", "textarea", "date", "number", "select", "id_number",
            "address", "group");

    public FormField {
        // Absent means optional: JSON clients may leave it out.
        required = Boolean.TRUE.equals(required);
        options = options == null ? List.of() : List.copyOf(options.stream().filter(java.util.Objects::nonNull).toList());
        fields = fields == null ? List.of() : List.copyOf(fields.stream().filter(java.util.Objects::nonNull).toList());
    }

    public static FormField of(String name, String type, String label, String labelEn, boolean required) {
        return new FormField(name, type, label, labelEn, required, null, null, null, null, null, null);
    }

    public boolean group() {
        return "group".equals(type);
    }

    /** One choice of a select field. */
    public record FormOption(String value, String label, String labelEn) {
    }
}
