package vn.citygov.procedures;

import java.util.List;

/** The e-form of a procedure, as data: an ordered list of fields, some of them repeating groups. */
public record FormSchema(List<FormField> fields) {

    public FormSchema {
        fields = fields == null ? List.of() : List.copyOf(fields.stream().filter(java.util.Objects::nonNull).toList());
    }

    public static FormSchema empty() {
        return new FormSchema(List.of());
    }
}
