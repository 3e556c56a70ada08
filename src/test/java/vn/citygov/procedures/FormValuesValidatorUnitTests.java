package vn.citygov.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.citygov.procedures.FormField.FormOption;

class FormValuesValidatorUnitTests {

    private final FormValuesValidator validator = new FormValuesValidator();

    private final FormSchema schema = new FormSchema(List.of(
            FormField.of("fullName", "text", "Họ và tên", "Full name", true),
            FormField.of("idNumber", "id_number", "Số định danh cá nhân", "Personal ID number", true),
            FormField.of("birthDate", "date", "Ngày sinh", "Date of birth", false),
            new FormField("copies", "number", "Số bản", "Copies", false, null, BigDecimal.ONE, BigDecimal.TEN, null, null, null),
            new FormField("purpose", "select", "Mục đích", "Purpose", false,
                    List.of(new FormOption("work", "Đi làm", "Work"), new FormOption("study", "Đi học", "Study")),
                    null, null, null, null, null),
            FormField.of("home", "address", "Nơi cư trú", "Residence", false),
            new FormField("children", "group", "Con", "Children", false, null, null, null, 0, 2,
                    List.of(FormField.of("name", "text", "Tên", "Name", true)))));

    @Test
    void acceptsCorrectValues() {
        Map<String, Object> values = Map.of("fullName", "Nguyễn Văn An", "idNumber", "079123456789",
                "birthDate", "1990-05-17", "copies", 2, "purpose", "work",
                "home", Map.of("adminUnitCode", "26740", "street", "12 Lê Lợi"),
                "children", List.of(Map.of("name", "Nguyễn Văn Bình")));
        assertThat(validator.check(schema, values)).isEmpty();
    }

    @Test
    void reportsRequiredFields() {
        assertThat(validator.check(schema, Map.of("fullName", " "))).containsExactly(
                new FieldError("fullName", "required"), new FieldError("idNumber", "required"));
    }

    @Test
    void reportsFormatsRangesAndOptions() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("fullName", 42);
        values.put("idNumber", "07912345678");
        values.put("birthDate", "2024-02-30");
        values.put("copies", "11");
        values.put("purpose", "travel");
        values.put("home", Map.of("adminUnitCode", "2674"));
        assertThat(validator.check(schema, values)).containsExactly(
                new FieldError("fullName", "type"), new FieldError("idNumber", "id-number"),
                new FieldError("birthDate", "date"), new FieldError("copies", "number-max"),
                new FieldError("purpose", "option"), new FieldError("home.adminUnitCode", "admin-unit-code"));
    }

    @Test
    void checksNumbersBelowTheMinimumAndNotNumbersAtAll() {
        assertThat(validator.check(schema, Map.of("fullName", "A", "idNumber", "079123456789", "copies", 0)))
                .containsExactly(new FieldError("copies", "number-min"));
        assertThat(validator.check(schema, Map.of("fullName", "A", "idNumber", "079123456789", "copies", "hai")))
                .containsExactly(new FieldError("copies", "number"));
    }

    @Test
    void checksRepeatingGroupsItemByItemAndTheirSize() {
        Map<String, Object> values = Map.of("fullName", "A", "idNumber", "079123456789",
                "children", List.of(Map.of("name", "B"), Map.of(), Map.of("name", "C", "age", 3)));
        assertThat(validator.check(schema, values)).containsExactly(new FieldError("children", "too-many"),
                new FieldError("children[1].name", "required"), new FieldError("children[2].age", "unknown-field"));
    }

    @Test
    void reportsUnknownFields() {
        assertThat(validator.check(schema, Map.of("fullName", "A", "idNumber", "079123456789", "shoeSize", "42")))
                .containsExactly(new FieldError("shoeSize", "unknown-field"));
    }
}
