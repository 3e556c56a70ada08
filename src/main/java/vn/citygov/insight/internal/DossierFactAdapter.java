package vn.citygov.insight.internal;

import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.citygov.dossiers.DossierAccepted;
import vn.citygov.dossiers.DossierAttachmentAdded;
import vn.citygov.dossiers.DossierEvent;
import vn.citygov.dossiers.DossierExtended;
import vn.citygov.dossiers.DossierOverdue;
import vn.citygov.dossiers.DossierStopped;
import vn.citygov.dossiers.DossierFacts;
import vn.citygov.dossiers.DossierFeePaid;
import vn.citygov.dossiers.DossierRated;
import vn.citygov.dossiers.DossierRefused;
import vn.citygov.dossiers.DossierResultIssued;
import vn.citygov.dossiers.DossierResultReturned;
import vn.citygov.dossiers.DossierResultSigned;
import vn.citygov.dossiers.DossierStepDone;
import vn.citygov.dossiers.DossierSubmitted;
import vn.citygov.dossiers.DossierSupplementRequested;
import vn.citygov.dossiers.DossierSupplemented;
import vn.citygov.dossiers.DossierWithdrawn;
import vn.citygov.insight.InsightFact;

/**
 * Turns dossier events into facts, logged in the dossier's own transaction: the fact commits with the change it
 * reports or not at all, so nothing needs redelivery, and the event id still keeps a repeated event from counting
 * twice. The log is insight's own inbox; the counters follow within the updater's interval (docs/adr/006).
 */
@Component
class DossierFactAdapter {

    static final String SOURCE = "dossiers";

    private final FactIngestion ingestion;

    DossierFactAdapter(FactIngestion ingestion) {
        this.ingestion = ingestion;
    }

    // One listener per event that moves a measure, rather than one for every DossierEvent: the internal
    // hand-overs (DossierStepDone), most of a dossier's events, then cost nothing here.

    @EventListener
    void on(DossierSubmitted event) {
        record(event);
    }

    @EventListener
    void on(DossierAccepted event) {
        record(event);
    }

    @EventListener
    void on(DossierSupplementRequested event) {
        record(event);
    }

    @EventListener
    void on(DossierSupplemented event) {
        record(event);
    }

    @EventListener
    void on(DossierResultIssued event) {
        record(event);
    }

    @EventListener
    void on(DossierResultReturned event) {
        record(event);
    }

    @EventListener
    void on(DossierRefused event) {
        record(event);
    }

    @EventListener
    void on(DossierWithdrawn event) {
        record(event);
    }

    @EventListener
    void on(DossierStopped event) {
        record(event);
    }

    @EventListener
    void on(DossierOverdue event) {
        record(event);
    }

    @EventListener
    void on(DossierExtended event) {
        record(event);
    }

    private void record(DossierEvent event) {
        InsightFact fact = fact(event);
        if (fact != null) {
            ingestion.record(fact);
        }
    }

    @EventListener
    void on(DossierRated event) {
        ingestion.record(fact(event));
    }

    @EventListener
    void on(DossierFeePaid event) {
        InsightFact fact = fact(event);
        if (fact != null) {
            ingestion.record(fact);
        }
    }

    @EventListener
    void on(DossierAttachmentAdded event) {
        facts(event).forEach(ingestion::record);
    }

    @EventListener
    void on(DossierResultSigned event) {
        facts(event).forEach(ingestion::record);
    }

    /**
     * A scanned document counts the dossier as digitised, a document from the personal store as data re-used:
     * each once per dossier however many documents follow, because the fact id is named after the dossier and
     * the measure (a second scan is a repeated id and inserts nothing). The day is that of the first one recorded.
     */
    static List<InsightFact> facts(DossierAttachmentAdded event) {
        List<InsightFact> result = new ArrayList<>();
        if (event.digitised()) {
            result.add(oncePerDossier(event.dossierId(), event.agencyCode(), "dossier.attachmentadded",
                    "dossier.digitised", event.occurredAt()));
        }
        if (event.reused()) {
            result.add(oncePerDossier(event.dossierId(), event.agencyCode(), "dossier.attachmentadded",
                    "dossier.data_reused", event.occurredAt()));
        }
        return result;
    }

    /** An electronic result and a result shared to the personal store, each once per dossier (re-signing too). */
    static List<InsightFact> facts(DossierResultSigned event) {
        List<InsightFact> result = new ArrayList<>();
        if (event.electronic()) {
            result.add(oncePerDossier(event.dossierId(), event.agencyCode(), "dossier.resultsigned",
                    "dossier.result_electronic", event.signedAt()));
        }
        if (event.shared()) {
            result.add(oncePerDossier(event.dossierId(), event.agencyCode(), "dossier.resultsigned",
                    "dossier.result_shared", event.signedAt()));
        }
        return result;
    }

    /**
     * A fact counting a measure once per dossier. These events carry no admin unit, so the fact is the agency's
     * only (unit scores and the map leave it out), and no code: the drill-down shows the dossier's id.
     */
    private static InsightFact oncePerDossier(long dossierId, String agency, String kind, String measure, Instant at) {
        UUID id = UUID.nameUUIDFromBytes(("insight|dossier|" + dossierId + "|" + measure).getBytes(StandardCharsets.UTF_8));
        return new InsightFact(id, SOURCE, kind, agency, null, at, ref(null, dossierId), Map.of(measure, 1L), null);
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
                if (f.feeBearing()) {
                    // the denominator of "dossiers paid online": every dossier with a fee, whatever the channel
                    m.put("dossier.fee_bearing", 1L);
                }
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
                // hand-overs inside the agencies move no measure
            }
            case DossierResultIssued e -> m.put("dossier.result_issued", 1L);
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

    /**
     * A dossier paid online, counted once per dossier (a second payment after a cancelled one repeats the fact id),
     * on the day of payment, in the dossier's agency and unit; null for cash at the desk.
     */
    static InsightFact fact(DossierFeePaid event) {
        if (!event.online()) {
            return null;
        }
        DossierFacts f = event.facts();
        UUID id = UUID.nameUUIDFromBytes(("insight|dossier|" + event.dossierId() + "|dossier.paid_online")
                .getBytes(StandardCharsets.UTF_8));
        return new InsightFact(id, SOURCE, "dossier.feepaid", event.agencyCode(), f.adminUnitCode(), f.occurredAt(),
                ref(event.code(), event.dossierId()), Map.of("dossier.paid_online", 1L), null);
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
