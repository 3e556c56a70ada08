package vn.citygov.procedures;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What is wrong with a workflow definition. The shape is fixed so that every dossier state has its step:
 * one reception first, then processing and approval steps (at least one approval), one result step, one
 * delivery step last. Only processing and approval steps may name another agency (inter-agency work).
 */
final class WorkflowChecks {

    static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{1,63}$");
    static final int MAX_STEPS = 20;

    private final Predicate<String> agencyExists;

    WorkflowChecks(Predicate<String> agencyExists) {
        this.agencyExists = agencyExists;
    }

    List<FieldError> check(WorkflowDefinition w) {
        List<FieldError> errors = new ArrayList<>();
        if (w == null) {
            errors.add(new FieldError("body", "required"));
            return errors;
        }
        if (w.code() == null || !CODE.matcher(w.code()).matches()) {
            errors.add(new FieldError("code", "code"));
        }
        name(w.name(), "name", errors);
        name(w.nameEn(), "nameEn", errors);
        if (w.effectiveFrom() == null) {
            errors.add(new FieldError("effectiveFrom", "required"));
        }
        List<WorkflowStep> steps = w.steps();
        if (steps == null || steps.size() < 4) {
            errors.add(new FieldError("steps", "workflow-too-short"));
            return errors;
        }
        if (steps.size() > MAX_STEPS) {
            errors.add(new FieldError("steps", "too-many"));
            return errors;
        }
        Set<String> codes = new HashSet<>();
        int total = 0;
        int approvals = 0;
        for (int i = 0; i < steps.size(); i++) {
            String at = "steps[" + i + "]";
            WorkflowStep s = steps.get(i);
            if (s == null) {
                errors.add(new FieldError(at, "required"));
                continue;
            }
            if (s.code() == null || !CODE.matcher(s.code()).matches()) {
                errors.add(new FieldError(at + ".code", "code"));
            } else if (!codes.add(s.code())) {
                errors.add(new FieldError(at + ".code", "duplicate-step"));
            }
            name(s.name(), at + ".name", errors);
            name(s.nameEn(), at + ".nameEn", errors);
            if (s.permission() == null || !WorkflowStep.PERMISSIONS.contains(s.permission())) {
                errors.add(new FieldError(at + ".permission", "value"));
            }
            if (s.share() == null) {
                errors.add(new FieldError(at + ".share", "required"));
            } else if (s.share() < 0 || s.share() > 100) {
                errors.add(new FieldError(at + ".share", "range"));
            } else {
                total += s.share();
            }
            String expected = i == 0 ? WorkflowStep.RECEPTION
                    : i == steps.size() - 1 ? WorkflowStep.DELIVERY
                    : i == steps.size() - 2 ? WorkflowStep.RESULT : null;
            if (s.kind() == null || !WorkflowStep.KINDS.contains(s.kind())) {
                errors.add(new FieldError(at + ".kind", "value"));
            } else if (expected != null ? !expected.equals(s.kind())
                    : !(WorkflowStep.PROCESSING.equals(s.kind()) || WorkflowStep.APPROVAL.equals(s.kind()))) {
                errors.add(new FieldError(at + ".kind", "step-order"));
            }
            if (WorkflowStep.APPROVAL.equals(s.kind())) {
                approvals++;
            }
            if (s.agencyCode() != null) {
                if (expected != null) {
                    errors.add(new FieldError(at + ".agencyCode", "step-agency-not-allowed"));
                } else if (!agencyExists.test(s.agencyCode())) {
                    errors.add(new FieldError(at + ".agencyCode", "unknown-agency"));
                }
            }
        }
        if (approvals == 0) {
            errors.add(new FieldError("steps", "approval-required"));
        }
        if (total != 100) {
            errors.add(new FieldError("steps", "shares-sum"));
        }
        return errors;
    }

    private static void name(String value, String path, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(path, "required"));
        } else if (value.length() > ProcedureChecks.MAX_NAME) {
            errors.add(new FieldError(path, "too-long"));
        }
    }
}
