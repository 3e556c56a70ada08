package vn.citygov.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.citygov.procedures.Procedure.RequiredDocument;
import vn.citygov.procedures.Procedure.Step;

class ProcedureChecksUnitTests {

    private static final Set<String> FIELDS = Set.of("civil-status", "certification", "justice", "business-registration",
            "construction", "land", "environment");
    private static final Set<String> WORKFLOWS = WorkflowChecksUnitTests.shippedCodes();

    private final ProcedureChecks checks = new ProcedureChecks(new FormSchemaValidator(), FIELDS::contains,
            Set.of("so-tu-phap", "so-xay-dung")::contains, WORKFLOWS::contains);

    @Test
    void theShippedCatalogueIsValidAgainstTheRealAgencyCodes() throws IOException {
        Set<String> agencies = Files.readAllLines(Path.of("src/main/resources/directory/agencies-hcmc-sample.csv")).stream()
                .skip(1).map(line -> line.substring(0, line.indexOf(','))).collect(Collectors.toSet());
        ProcedureChecks real = new ProcedureChecks(new FormSchemaValidator(), FIELDS::contains, agencies::contains,
                WORKFLOWS::contains);
        List<ProcedureInput> catalogue = JsonMapper.builder().build().readValue(
                Path.of("src/main/resources/procedures/catalogue.json").toFile(), new TypeReference<List<ProcedureInput>>() {
                });
        assertThat(catalogue).hasSizeGreaterThanOrEqualTo(40);
        for (ProcedureInput p : catalogue) {
            assertThat(real.check(ProcedureChecks.normalize(p), "")).as(p.code()).isEmpty();
            assertThat(p.form().fields()).as(p.code()).isNotEmpty();
        }
        assertThat(catalogue.stream().map(ProcedureInput::level).distinct()).containsExactlyInAnyOrder("ward", "city_department");
        assertThat(catalogue.stream().map(ProcedureInput::code).distinct()).hasSize(catalogue.size());
    }

    @Test
    void aWardProcedureNamesNoAgencyAndADepartmentProcedureAKnownOne() {
        assertThat(checks.check(valid("ward", "so-tu-phap"), "")).containsExactly(new FieldError("agencyCode", "ward-agency"));
        assertThat(checks.check(valid("city_department", null), "")).containsExactly(new FieldError("agencyCode", "required"));
        assertThat(checks.check(valid("city_department", "so-khong-co"), ""))
                .containsExactly(new FieldError("agencyCode", "unknown-agency"));
        assertThat(checks.check(valid("ward", null), "")).isEmpty();
    }

    @Test
    void documentsFromARegistryNameTheRegistryAndOthersDoNot() {
        ProcedureInput p = withDocuments(List.of(new RequiredDocument("Căn cước", "ID card", 0, "registry", null, null),
                new RequiredDocument("Đơn", "Form", 1, "upload", "Sổ hộ tịch", null),
                new RequiredDocument("Ảnh", "Photo", 100, "photo", null, null)));
        assertThat(checks.check(p, "[4].")).containsExactly(new FieldError("[4].documents[0].registry", "required"),
                new FieldError("[4].documents[1].registry", "registry-not-allowed"),
                new FieldError("[4].documents[2].copies", "range"), new FieldError("[4].documents[2].kind", "value"));
    }

    @Test
    void controlCharactersAreRefusedBecauseTheDatabaseCannotStoreThem() {
        ProcedureInput p = valid("ward", null);
        ProcedureInput nul = new ProcedureInput(p.code(), "Tên\u0000", p.nameEn(), p.fieldCode(), null, "ward", p.onlineLevel(),
                p.processingDays(), p.feeVnd(), null, null, p.legalBasis(), p.steps(), p.resultDocument(),
                p.resultDocumentEn(), p.documents(), p.form(), null, null);
        assertThat(checks.check(nul, "")).containsExactly(new FieldError("name", "text"));
    }

    @Test
    void normalisingComposesVietnameseAndTrims() {
        ProcedureInput p = valid("ward", null);
        ProcedureInput decomposed = new ProcedureInput(" " + p.code() + " ", "Đa\u0306ng ky\u0301 khai sinh ", p.nameEn(),
                p.fieldCode(), "", "ward", p.onlineLevel(), p.processingDays(), p.feeVnd(), null, null, p.legalBasis(),
                p.steps(), p.resultDocument(), p.resultDocumentEn(), p.documents(), p.form(), null, null);
        ProcedureInput n = ProcedureChecks.normalize(decomposed);
        assertThat(n.code()).isEqualTo(p.code());
        assertThat(n.name()).isEqualTo("Đăng ký khai sinh");
        assertThat(n.agencyCode()).isNull();
        assertThat(checks.check(n, "")).isEmpty();
        assertThat(n.workflow()).as("no workflow named: the default").isEqualTo(WorkflowDefinition.DEFAULT);
    }

    @Test
    void aProcedureNamesAKnownWorkflowAndTheCatalogueUsesSeveral() throws IOException {
        ProcedureInput p = valid("ward", null);
        ProcedureInput unknown = new ProcedureInput(p.code(), p.name(), p.nameEn(), p.fieldCode(), null, "ward",
                p.onlineLevel(), p.processingDays(), p.feeVnd(), null, null, p.legalBasis(), p.steps(),
                p.resultDocument(), p.resultDocumentEn(), p.documents(), p.form(), "no-such-flow", null);
        assertThat(checks.check(ProcedureChecks.normalize(unknown), ""))
                .containsExactly(new FieldError("workflow", "unknown-workflow"));
        List<ProcedureInput> catalogue = JsonMapper.builder().build().readValue(
                Path.of("src/main/resources/procedures/catalogue.json").toFile(), new TypeReference<List<ProcedureInput>>() {
                });
        assertThat(catalogue.stream().map(ProcedureInput::workflow).distinct().count()).isGreaterThanOrEqualTo(3);
        assertThat(catalogue.stream().map(ProcedureInput::workflow)).contains("inter-agency-residence");
    }

    private static ProcedureInput valid(String level, String agency) {
        return new ProcedureInput("1.001193", "Đăng ký khai sinh", "Birth registration", "civil-status", agency, level,
                "full_online", 1, 0L, null, null, "Luật Hộ tịch 2014", List.of(new Step("Nộp hồ sơ.", "Apply.")),
                "Giấy khai sinh", "Birth certificate", List.of(),
                new FormSchema(List.of(FormField.of("childName", "text", "Họ tên", "Full name", true))), null, null);
    }

    private static ProcedureInput withDocuments(List<RequiredDocument> documents) {
        ProcedureInput p = valid("ward", null);
        return new ProcedureInput(p.code(), p.name(), p.nameEn(), p.fieldCode(), null, "ward", p.onlineLevel(),
                p.processingDays(), p.feeVnd(), null, null, p.legalBasis(), p.steps(), p.resultDocument(),
                p.resultDocumentEn(), documents, p.form(), null, null);
    }
}
