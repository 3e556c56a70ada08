package vn.citygov.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.citygov.procedures.FormField.FormOption;

class FormSchemaValidatorUnitTests {

    private final FormSchemaValidator validator = new FormSchemaValidator();

    @Test
    void aWellFormedSchemaHasNoErrors() {
        FormSchema schema = new FormSchema(List.of(
                FormField.of("fullName", "text", "Họ và tên", "Full name", true),
                FormField.of("idNumber", "id_number", "Số định danh cá nhân", "Personal ID number", true),
                new FormField("gender", "select", "Giới tính", "Sex", true,
                        List.of(new FormOption("male", "Nam", "Male"), new FormOption("female", "Nữ", "Female")),
                        null, null, null, null, null),
                new FormField("copies", "number", "Số bản", "Copies", false, null, BigDecimal.ONE, BigDecimal.TEN,
                        null, null, null),
                new FormField("children", "group", "Con", "Children", false, null, null, null, 0, 5,
                        List.of(FormField.of("name", "text", "Tên", "Name", true),
                                FormField.of("birthDate", "date", "Ngày sinh", "Date of birth", true))),
                FormField.of("home", "address", "Nơi cư trú", "Residence", true)));
        assertThat(validator.check(schema)).isEmpty();
    }

    @Test
    void refusesAnUnknownType() {
        assertThat(validator.check(new FormSchema(List.of(FormField.of("x", "colour", "Màu", "Colour", false)))))
                .containsExactly(new FieldError("fields[0].type", "unknown-type"));
    }

    @Test
    void refusesDuplicateAndMalformedNames() {
        assertThat(validator.check(new FormSchema(List.of(FormField.of("name", "text", "A", "A", false),
                FormField.of("name", "text", "B", "B", false), FormField.of("1st", "text", "C", "C", false),
                FormField.of(" ", "text", "D", "D", false)))))
                .containsExactly(new FieldError("fields[1].name", "duplicate-name"),
                        new FieldError("fields[2].name", "invalid-name"), new FieldError("fields[3].name", "missing-name"));
    }

    @Test
    void refusesASelectWithoutOptionsAndDuplicateOptions() {
        FormField empty = FormField.of("kind", "select", "Loại", "Kind", true);
        FormField twice = new FormField("kind2", "select", "Loại", "Kind", true,
                List.of(new FormOption("a", "A", "A"), new FormOption("a", "A", "A")), null, null, null, null, null);
        assertThat(validator.check(new FormSchema(List.of(empty, twice)))).containsExactly(
                new FieldError("fields[0].options", "select-without-options"),
                new FieldError("fields[1].options[1].value", "duplicate-option"));
    }

    @Test
    void refusesAGroupWithoutFieldsOrWithImpossibleCounts() {
        FormField empty = new FormField("g", "group", "Nhóm", "Group", false, null, null, null, null, null, null);
        FormField backwards = new FormField("h", "group", "Nhóm", "Group", false, null, null, null, 3, 1,
                List.of(FormField.of("a", "text", "A", "A", false)));
        assertThat(validator.check(new FormSchema(List.of(empty, backwards)))).containsExactly(
                new FieldError("fields[0].fields", "group-without-fields"),
                new FieldError("fields[1].minItems", "invalid-range"));
    }

    @Test
    void checksNestedFieldsWithTheirPath() {
        FormField group = new FormField("people", "group", "Người", "People", false, null, null, null, null, null,
                List.of(FormField.of("a", "text", "A", "A", false), FormField.of("a", "phone", "B", "B", false)));
        assertThat(validator.check(new FormSchema(List.of(group)))).containsExactly(
                new FieldError("fields[0].fields[1].name", "duplicate-name"),
                new FieldError("fields[0].fields[1].type", "unknown-type"));
    }

    @Test
    void refusesMissingLabelsAndOptionsOnOtherTypes() {
        FormField text = new FormField("t", "text", "Tên", null, false, List.of(new FormOption("a", "A", "A")),
                null, null, null, null, null);
        assertThat(validator.check(new FormSchema(List.of(text)))).containsExactly(
                new FieldError("fields[0].label", "missing-label"), new FieldError("fields[0].options", "options-not-allowed"));
    }
}
