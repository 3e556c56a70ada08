package vn.citygov.dossiers.internal;

import static vn.citygov.platform.database.SqlParams.timestamp;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.dossiers.Dossier;
import vn.citygov.dossiers.DossierService;
import vn.citygov.dossiers.ShipmentUpdated;
import vn.citygov.dossiers.Workflow;
import vn.citygov.platform.error.ConflictException;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;

/**
 * Postal return of results (trả kết quả qua dịch vụ bưu chính): the desk records the shipment of a dossier whose
 * applicant chose delivery by post, and the postal partner reports its progress through the API with a key
 * holding {@link #UPDATE}. Each report carries the partner's own update id and is applied once: a replayed report
 * changes nothing. The shipment shows the status of the latest report by the time it happened, so reports
 * arriving out of order still end in the right status.
 */
@Service
@Transactional(readOnly = true)
public class Shipments {

    public static final String UPDATE = "dossier.shipment.update";
    public static final List<String> STATUSES = List.of("handed_to_post", "in_transit", "delivered",
            "returned_to_sender");
    private static final int MAX_TEXT = 100;

    private static final String INSERT = """
            INSERT INTO dossiers_shipment (dossier_id, carrier, tracking_number, status, created_by, created_at,
                updated_at)
            VALUES (:dossierId, :carrier, :tracking, 'handed_to_post', :by, :at, :at)
            ON CONFLICT DO NOTHING
            """;

    private static final String COLUMNS = """
            s.dossier_id, d.agency_code, s.carrier, s.tracking_number, s.status, s.created_at, s.updated_at
            """;

    private static final String FIND = "SELECT " + COLUMNS
            + " FROM dossiers_shipment s JOIN dossiers_dossier d ON d.id = s.dossier_id WHERE s.dossier_id = :dossierId";

    private static final String FIND_BY_TRACKING = "SELECT " + COLUMNS
            + " FROM dossiers_shipment s JOIN dossiers_dossier d ON d.id = s.dossier_id"
            + " WHERE s.tracking_number = :tracking FOR UPDATE OF s";

    private static final String INSERT_UPDATE = """
            INSERT INTO dossiers_shipment_update (update_id, dossier_id, status, occurred_at, note, received_at)
            VALUES (:updateId, :dossierId, :status, :occurredAt, :note, :now)
            ON CONFLICT (update_id) DO NOTHING
            """;

    private static final String APPLY_LATEST = """
            UPDATE dossiers_shipment s
               SET status = (SELECT u.status FROM dossiers_shipment_update u WHERE u.dossier_id = s.dossier_id
                              ORDER BY u.occurred_at DESC, u.received_at DESC LIMIT 1),
                   updated_at = :now
             WHERE s.dossier_id = :dossierId
            """;

    private static final String UPDATES = """
            SELECT update_id, status, occurred_at, note FROM dossiers_shipment_update
             WHERE dossier_id = :dossierId ORDER BY occurred_at, received_at
            """;

    private final JdbcClient jdbc;
    private final DossierService dossiers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Shipments(JdbcClient jdbc, DossierService dossiers, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.events = events;
        this.clock = clock;
    }

    /** The desk hands the result of a dossier delivered by post to the carrier. */
    @Transactional
    public Shipment create(long dossierId, NewShipment input) {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        Dossier d = dossiers.get(dossierId);
        if (!user.can(DossierService.RECEIVE, d.agencyCode())) {
            throw new ForbiddenException();
        }
        String carrier = text(input == null ? null : input.carrier(), "carrier");
        String tracking = text(input == null ? null : input.trackingNumber(), "trackingNumber");
        if (!"post".equals(d.delivery())) {
            throw new ConflictException("dossiers.error.not-post");
        }
        if (!(Workflow.RESULT_ISSUED.equals(d.state()) || Workflow.RETURNED.equals(d.state()))) {
            throw new ConflictException("dossiers.error.result-state");
        }
        if (find(dossierId).isPresent()) {
            throw new ConflictException("dossiers.error.shipment-exists");
        }
        Instant now = clock.instant();
        if (jdbc.sql(INSERT).param("dossierId", dossierId).param("carrier", carrier).param("tracking", tracking)
                .param("by", user.username()).param("at", timestamp(now)).update() == 0) {
            throw new ConflictException("dossiers.error.tracking-taken");
        }
        events.publishEvent(new ShipmentUpdated(dossierId, d.agencyCode(), tracking, "handed_to_post", null, now));
        return find(dossierId).orElseThrow();
    }

    /** The shipment and its reports, for the applicant and officials of the dossier's agency; 404 when none. */
    public Shipment get(long dossierId) {
        dossiers.get(dossierId);
        return find(dossierId).orElseThrow(() -> new NotFoundException("shipment", dossierId));
    }

    /** The shipment of a dossier already read through {@link DossierService#get}, which checked access. */
    public Optional<Shipment> of(Dossier dossier) {
        return find(dossier.id());
    }

    Optional<Shipment> find(long dossierId) {
        return jdbc.sql(FIND).param("dossierId", dossierId).query(this::row).optional();
    }

    /** A postal partner's report; applied once per update id. */
    @Transactional
    public UpdateResult update(StatusUpdate input) {
        CityGovUser caller = CurrentUser.get().orElseThrow(ForbiddenException::new);
        if (!caller.can(UPDATE)) {
            throw new ForbiddenException();
        }
        if (input == null) {
            throw new InvalidInputException("body", "validation.required");
        }
        String updateId = text(input.updateId(), "updateId");
        String tracking = text(input.trackingNumber(), "trackingNumber");
        if (input.status() == null || !STATUSES.contains(input.status())) {
            throw new InvalidInputException("status", "dossiers.error.shipment-status");
        }
        Instant occurredAt;
        try {
            occurredAt = input.occurredAt() == null ? null : OffsetDateTime.parse(input.occurredAt()).toInstant();
        } catch (DateTimeParseException e) {
            occurredAt = null;
        }
        if (occurredAt == null) {
            throw new InvalidInputException("occurredAt", "validation.required");
        }
        String note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
        if (note != null && note.length() > 500) {
            throw new InvalidInputException("note", "dossiers.error.too-long");
        }
        Shipment shipment = jdbc.sql(FIND_BY_TRACKING).param("tracking", tracking).query(this::row).optional()
                .orElseThrow(() -> new InvalidInputException("trackingNumber", "dossiers.error.shipment-unknown"));
        if (!caller.can(UPDATE, shipment.agencyCode())) {
            throw new ForbiddenException();
        }
        Instant now = clock.instant();
        boolean applied = jdbc.sql(INSERT_UPDATE).param("updateId", updateId).param("dossierId", shipment.dossierId())
                .param("status", input.status()).param("occurredAt", timestamp(occurredAt))
                .param("note", note).param("now", timestamp(now)).update() == 1;
        if (applied) {
            jdbc.sql(APPLY_LATEST).param("dossierId", shipment.dossierId()).param("now", timestamp(now))
                    .update();
            events.publishEvent(new ShipmentUpdated(shipment.dossierId(), shipment.agencyCode(), tracking,
                    input.status(), updateId, occurredAt));
        }
        return new UpdateResult(!applied, find(shipment.dossierId()).orElseThrow());
    }

    private Shipment row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long dossierId = rs.getLong("dossier_id");
        List<Report> reports = jdbc.sql(UPDATES).param("dossierId", dossierId).query((r, i) -> new Report(
                r.getString("update_id"), r.getString("status"), SubmissionRepository.instant(r, "occurred_at"),
                r.getString("note"))).list();
        return new Shipment(dossierId, rs.getString("agency_code"), rs.getString("carrier"),
                rs.getString("tracking_number"), rs.getString("status"), SubmissionRepository.instant(rs, "created_at"),
                SubmissionRepository.instant(rs, "updated_at"), reports);
    }

    private static String text(String value, String field) {
        String s = value == null ? null : java.text.Normalizer.normalize(value.strip(), java.text.Normalizer.Form.NFC);
        if (s == null || s.isEmpty()) {
            throw new InvalidInputException(field, "validation.required");
        }
        if (s.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "dossiers.error.too-long");
        }
        return s;
    }

    /** What the desk records when handing the result to the post. */
    public record NewShipment(String carrier, String trackingNumber) {
    }

    /**
     * A postal partner's report.
     *
     * @param updateId the partner's id of this report: sent twice, it is applied once
     * @param status handed_to_post, in_transit, delivered or returned_to_sender
     * @param occurredAt when it happened, ISO 8601 with an offset
     */
    public record StatusUpdate(String updateId, String trackingNumber, String status, String occurredAt, String note) {
    }

    /** The shipment after a report; {@code replayed} when that update id had been applied already. */
    public record UpdateResult(boolean replayed, Shipment shipment) {
    }

    /** A shipment of a dossier's result and the partner's reports, oldest first. */
    public record Shipment(long dossierId, String agencyCode, String carrier, String trackingNumber, String status,
            Instant createdAt, Instant updatedAt, List<Report> reports) {
    }

    /** One report of the postal partner. */
    public record Report(String updateId, String status, Instant occurredAt, String note) {
    }
}
