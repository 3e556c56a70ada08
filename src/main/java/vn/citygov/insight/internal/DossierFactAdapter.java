package vn.citygov.insight.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.citygov.dossiers.DossierAccepted;
import vn.citygov.dossiers.DossierEvent;
import vn.citygov.dossiers.DossierExtended;
import vn.citygov.dossiers.DossierOverdue;
import vn.citygov.dossiers.DossierStopped;
import vn.citygov.dossiers.DossierFacts;
import vn.citygov.dossiers.DossierRated;
import vn.citygov.dossiers.DossierRefused;
import vn.citygov.dossiers.DossierResultReturned;
import vn.citygov.dossiers.DossierStepDone;
import vn.citygov.dossiers.DossierSubmitted;
import vn.citygov.dossiers.DossierSupplementRequested;
import vn.citygov.dossiers.DossierSupplemented;
import vn.citygov.dossiers.DossierWithdrawn;
import vn.citygov.insight.InsightFact;

/**
 * Turns dossier events into facts. Runs after the dossier's transaction commits, from the event outbox
 * (a failure here never undoes a dossier action, and an unfinished delivery is retried — the event id
 * keeps a retry from counting twice); latency is the outbox hand-over, well under a second.
 */
@Component
class DossierFactAdapter {

    static final String SOURCE = "dossiers";

    private final FactIngestion ingestion;

    DossierFactAdapter(FactIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @ApplicationModuleListener
    void on(DossierEvent event) {
        InsightFact fact = fact(event);
        if (fact != null) {
            ingestion.record(fact);
        }
    }

    @ApplicationModuleListener
    void on(DossierRated event) {
        ingestion.record(fact(event));
    }

    /** The fact of a dossier event, or null when the event changes no measure and no open item. */
    static InsightFact fact(DossierEvent event) {
        DossierFacts f = event.facts();
        boolean online = "online".equals(f.channel());
        Map<String, Long> m = new LinkedHashMap<>();
        InsightFact.OpenState open = null;
        String key = String.valueOf(event.dossierId());
        switch (event) {
            case DossierSubmitted e -> {
                m.put("dossier.submitted", 1L);
                if (online) {
                    m.put("dossier.submitted_online", 1L);
                }
            }
            case DossierAccepted e -> {
                m.put("dossier.received", 1L);
                if (online) {
                    m.put("dossier.received_online", 1L);
                }
                open = new InsightFact.OpenState(key, false, f.dueAt());
            }
            case DossierSupplementRequested e -> m.put("dossier.supplement_requested", 1L);
            case DossierSupplemented e -> m.put("dossier.supplemented", 1L);
            case DossierStepDone e -> {
                if ("issue_result".equals(e.action())) {
                    m.put("dossier.result_issued", 1L);
                }
            }
            case DossierResultReturned e -> {
                Instant finished = f.finishedAt() != null ? f.finishedAt() : f.occurredAt();
                boolean late = f.dueAt() != null && finished.isAfter(f.dueAt());
                m.put("dossier.finished", 1L);
                m.put(late ? "dossier.finished_late" : "dossier.finished_on_time", 1L);
                if (online) {
                    m.put("dossier.finished_online", 1L);
                }
                if (f.receivedAt() != null) {
                    m.put("dossier.processing_hours", Math.max(0, Duration.between(f.receivedAt(), finished).toHours()));
                }
                open = new InsightFact.OpenState(key, true, null);
            }
            case DossierRefused e -> {
                m.put("dossier.refused", 1L);
                open = new InsightFact.OpenState(key, true, null);
            }
            case DossierWithdrawn e -> {
                m.put("dossier.withdrawn", 1L);
                open = new InsightFact.OpenState(key, true, null);
            }
            case DossierStopped e -> {
                m.put("dossier.stopped", 1L);
                open = new InsightFact.OpenState(key, true, null);
            }
            case DossierOverdue e -> m.put("dossier.overdue", 1L);
            case DossierExtended e -> {
                // A new appointment (form 04): the open item's due time moves with it.
                m.put("dossier.extended", 1L);
                open = new InsightFact.OpenState(key, false, f.dueAt());
            }
        }
        if (m.isEmpty() && open == null) {
            return null;
        }
        return new InsightFact(f.eventId(), SOURCE, kind(event), agency(event), f.adminUnitCode(), f.occurredAt(),
                ref(event.code(), event.dossierId()), Map.copyOf(m), open);
    }

    static InsightFact fact(DossierRated event) {
        DossierFacts f = event.facts();
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("dossier.rated", 1L);
        m.put("dossier.rating_sum", (long) event.score());
        if (event.score() >= 4) {
            m.put("dossier.rated_satisfied", 1L);
        }
        if (event.score() <= 2) {
            m.put("dossier.rated_dissatisfied", 1L);
        }
        return new InsightFact(f.eventId(), SOURCE, "dossier.rated", event.agencyCode(), f.adminUnitCode(),
                f.occurredAt(), ref(event.code(), event.dossierId()), Map.copyOf(m), null);
    }

    private static String kind(DossierEvent event) {
        return "dossier." + event.getClass().getSimpleName().replace("Dossier", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static String agency(DossierEvent event) {
        return event.agencyCode();
    }

    private static String ref(String code, long id) {
        return code != null ? code : "#" + id;
    }
}
