package vn.citygov.dossiers;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/**
 * A past-tense fact about a dossier, published in the transaction that made it and recorded in the
 * audit trail. Carries no personal data: listeners that need more ask {@link DossierService}.
 */
public sealed interface DossierEvent extends AuditedChange permits DossierSubmitted, DossierAccepted,
        DossierSupplementRequested, DossierSupplemented, DossierRefused, DossierStepDone, DossierResultIssued,
        DossierResultReturned,
        DossierWithdrawn, DossierOverdue, DossierExtended, DossierStopped {

    long dossierId();

    String code();

    String procedureCode();

    String fromState();

    String toState();

    String comment();

    /** Measurable facts for statistics; see {@link DossierFacts}. */
    DossierFacts facts();

    @Override
    default String objectType() {
        return "dossier";
    }

    @Override
    default String objectId() {
        return String.valueOf(dossierId());
    }

    @Override
    default Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("state", fromState() == null ? toState() : Map.of("from", fromState(), "to", toState()));
        if (code() != null) {
            changes.put("code", code());
        }
        changes.put("procedureCode", procedureCode());
        if (comment() != null) {
            changes.put("comment", comment());
        }
        return changes;
    }
}
