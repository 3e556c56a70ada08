package vn.citygov.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The rules of a workflow definition, and the workflows shipped in the migration obey them. */
class WorkflowChecksUnitTests {

    static final Path MIGRATION = Path.of("src/main/resources/db/migration/procedures/V10_3__workflows.sql");
    private static final Pattern ROW = Pattern.compile("\\('([a-z0-9-]+)', DATE '[0-9-]+', '[^']*', '[^']*', '(\\[.*?\\])'\\)",
            Pattern.DOTALL);

    private final WorkflowChecks checks = new WorkflowChecks(Set.of("cong-an-tp", "so-xay-dung")::contains);

    static Map<String, List<WorkflowStep>> shipped() {
        try {
            Map<String, List<WorkflowStep>> flows = new LinkedHashMap<>();
            Matcher m = ROW.matcher(Files.readString(MIGRATION));
            while (m.find()) {
                flows.put(m.group(1), JsonMapper.builder().build().readValue(m.group(2),
                        new TypeReference<List<WorkflowStep>>() {
                        }));
            }
            return flows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<String> shippedCodes() {
        return shipped().keySet();
    }

    @Test
    void everyShippedWorkflowIsValidAndOneCrossesAgencies() {
        Map<String, List<WorkflowStep>> flows = shipped();
        assertThat(flows).hasSizeGreaterThanOrEqualTo(3).containsKey(WorkflowDefinition.DEFAULT);
        flows.forEach((code, steps) -> assertThat(checks.check(flow(code, steps))).as(code).isEmpty());
        assertThat(flows.values().stream().flatMap(List::stream).anyMatch(s -> s.agencyCode() != null)).isTrue();
    }

    @Test
    void sharesMustSumToOneHundred() {
        List<WorkflowStep> steps = new ArrayList<>(standard());
        steps.set(1, step("specialist", WorkflowStep.PROCESSING, "dossier.process", null, 61));
        assertThat(checks.check(flow("x1", steps))).containsExactly(new FieldError("steps", "shares-sum"));
        steps.set(1, step("specialist", WorkflowStep.PROCESSING, "dossier.process", null, -5));
        assertThat(checks.check(flow("x1", steps))).contains(new FieldError("steps[1].share", "range"));
        steps.set(1, step("specialist", WorkflowStep.PROCESSING, "dossier.process", null, null));
        assertThat(checks.check(flow("x1", steps))).contains(new FieldError("steps[1].share", "required"));
    }

    @Test
    void theShapeIsReceptionThenWorkThenResultThenDelivery() {
        List<WorkflowStep> steps = new ArrayList<>(standard());
        steps.set(0, step("reception", WorkflowStep.PROCESSING, "dossier.receive", null, 5));
        assertThat(checks.check(flow("x2", steps))).containsExactly(new FieldError("steps[0].kind", "step-order"));
        List<WorkflowStep> noApproval = new ArrayList<>(standard());
        noApproval.set(2, step("head", WorkflowStep.PROCESSING, "dossier.process", null, 25));
        assertThat(checks.check(flow("x3", noApproval))).containsExactly(new FieldError("steps", "approval-required"));
        assertThat(checks.check(flow("x4", standard().subList(0, 3))))
                .containsExactly(new FieldError("steps", "workflow-too-short"));
        List<WorkflowStep> twice = new ArrayList<>(standard());
        twice.set(2, step("specialist", WorkflowStep.APPROVAL, "dossier.approve", null, 25));
        assertThat(checks.check(flow("x5", twice))).containsExactly(new FieldError("steps[2].code", "duplicate-step"));
    }

    @Test
    void onlyWorkStepsNameAnotherAgencyAndItMustExist() {
        List<WorkflowStep> steps = new ArrayList<>(standard());
        steps.set(1, step("specialist", WorkflowStep.PROCESSING, "dossier.process", "so-khong-co", 60));
        steps.set(4, step("return", WorkflowStep.DELIVERY, "dossier.receive", "cong-an-tp", 5));
        assertThat(checks.check(flow("x6", steps))).containsExactly(
                new FieldError("steps[1].agencyCode", "unknown-agency"),
                new FieldError("steps[4].agencyCode", "step-agency-not-allowed"));
        steps.set(1, step("specialist", WorkflowStep.PROCESSING, "dossier.mail", "cong-an-tp", 60));
        steps.set(4, step("return", WorkflowStep.DELIVERY, "dossier.receive", null, 5));
        assertThat(checks.check(flow("x6", steps))).containsExactly(new FieldError("steps[1].permission", "value"));
    }

    static List<WorkflowStep> standard() {
        return List.of(step("reception", WorkflowStep.RECEPTION, "dossier.receive", null, 5),
                step("specialist", WorkflowStep.PROCESSING, "dossier.process", null, 60),
                step("head", WorkflowStep.APPROVAL, "dossier.approve", null, 25),
                step("result", WorkflowStep.RESULT, "dossier.process", null, 5),
                step("return", WorkflowStep.DELIVERY, "dossier.receive", null, 5));
    }

    static WorkflowStep step(String code, String kind, String permission, String agency, Integer share) {
        return new WorkflowStep(code, "Bước " + code, "Step " + code, kind, permission, agency, share);
    }

    private static WorkflowDefinition flow(String code, List<WorkflowStep> steps) {
        return new WorkflowDefinition(code, "Quy trình", "Workflow", LocalDate.of(2025, 7, 1), steps);
    }
}
