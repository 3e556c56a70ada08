package vn.citygov.procedures;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/**
 * A version of a processing workflow was saved (a new effective date, or the version of that date replaced):
 * who changed the steps, shares and agencies that dossiers follow, and from when, belongs in the audit trail.
 */
public record WorkflowVersionSaved(WorkflowDefinition workflow) implements AuditedChange {

    @Override
    public String objectType() {
        return "workflow";
    }

    @Override
    public String objectId() {
        return workflow.code();
    }

    @Override
    public String action() {
        return "version_saved";
    }

    @Override
    public Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("effectiveFrom", workflow.effectiveFrom().toString());
        changes.put("name", workflow.name());
        changes.put("nameEn", workflow.nameEn());
        changes.put("steps", workflow.steps().stream().map(WorkflowVersionSaved::step).toList());
        return changes;
    }

    private static Map<String, Object> step(WorkflowStep s) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("code", s.code());
        step.put("kind", s.kind());
        step.put("permission", s.permission());
        // Absent for the dossier's competent agency; named for inter-agency steps.
        if (s.agencyCode() != null) {
            step.put("agencyCode", s.agencyCode());
        }
        step.put("share", s.share());
        return step;
    }
}
