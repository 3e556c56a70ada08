package vn.citygov.dossiers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import vn.citygov.procedures.FormField;

/** The submission page's flat field names become the JSON-shaped values the e-form validator checks. */
class FormValuesFromParamsUnitTests {

    static final FormField PARTIES = new FormField("parties", "group", "Các bên", "Parties", true, null, null, null, 1,
            3, List.of(FormField.of("name", "text", "Tên", "Name", true), FormField.of("idNumber", "id_number", "Số",
                    "Number", true)));

    @Test
    void buildsScalarsAddressesNumbersAndGroupsDroppingEmptyRows() {
        var params = new LinkedMultiValueMap<String, String>();
        params.add("values.name", "  Nguyễn Văn An ");
        params.add("values.note", "   ");
        params.add("values.home.adminUnitCode", "26740");
        params.add("values.home.street", "");
        params.add("values.copies", "2");
        params.add("values.pages", "two");
        params.add("values.parties[0].name", "A");
        params.add("values.parties[0].idNumber", "079090001234");
        params.add("values.parties[2].name", "C");
        List<FormField> fields = List.of(FormField.of("name", "text", "Tên", "Name", true),
                FormField.of("note", "textarea", "Ghi chú", "Note", false),
                FormField.of("home", "address", "Nơi ở", "Home", true),
                FormField.of("copies", "number", "Số bản", "Copies", true),
                FormField.of("pages", "number", "Số trang", "Pages", true), PARTIES);

        Map<String, Object> values = DossierPageController.values(fields, params, "values.");

        assertThat(values).containsEntry("name", "Nguyễn Văn An").doesNotContainKey("note")
                .containsEntry("home", Map.of("adminUnitCode", "26740"))
                .containsEntry("copies", new BigDecimal("2")).containsEntry("pages", "two");
        assertThat(values.get("parties")).isEqualTo(List.of(Map.of("name", "A", "idNumber", "079090001234"),
                Map.of("name", "C")));
    }

    @Test
    void anEmptyFormGivesNoValues() {
        assertThat(DossierPageController.values(List.of(PARTIES), new LinkedMultiValueMap<>(), "values.")).isEmpty();
    }

    @Test
    void storedValuesFlattenBackToTheFormsNames() {
        Map<String, Object> stored = Map.of("name", "An", "copies", new BigDecimal("2"),
                "home", Map.of("adminUnitCode", "26740"), "parties", List.of(Map.of("name", "A")));
        Map<String, String> flat = new java.util.LinkedHashMap<>();
        DossierPageController.flatten(stored, "values.", flat);
        assertThat(flat).containsEntry("values.name", "An").containsEntry("values.copies", "2")
                .containsEntry("values.home.adminUnitCode", "26740").containsEntry("values.parties[0].name", "A");
        var params = new LinkedMultiValueMap<String, String>();
        flat.forEach(params::add);
        List<FormField> fields = List.of(FormField.of("name", "text", "Tên", "Name", true),
                FormField.of("copies", "number", "Số bản", "Copies", true),
                FormField.of("home", "address", "Nơi ở", "Home", true), PARTIES);
        assertThat(DossierPageController.values(fields, params, "values.")).isEqualTo(stored);
    }
}
