package vn.citygov.dossiers.internal;

import static vn.citygov.platform.database.SqlParams.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.citygov.dossiers.DossierSteps.Step;
import vn.citygov.dossiers.Dossier.HistoryEntry;
import vn.citygov.dossiers.Dossier.Rating;
import vn.citygov.platform.database.SqlParams;

/** SQL for dossiers_dossier, dossiers_history and dossiers_rating. */
@Repository
public class DossierRepository {

    private static final String COLUMNS = """
            id, code, procedure_code, agency_code, admin_unit_code, applicant_id, applicant_name, submitted_by, channel,
            state, resume_state, form_values::text AS form_values, delivery, postal_address, processing_days,
            submitted_at, received_at, due_at, paused_at, supplement_items::text AS supplement_items, refusal_reason,
            finished_at, version, updated_at, fee_vnd, fee_reason, fee_reason_en
            """;

    private static final String INSERT = """
            INSERT INTO dossiers_dossier (procedure_code, agency_code, admin_unit_code, applicant_id, applicant_name,
                submitted_by, channel, state, form_values, delivery, postal_address, processing_days, submitted_at,
                updated_at, fee_vnd, fee_reason, fee_reason_en, handling_point_code)
            VALUES (:procedureCode, :agencyCode, :adminUnitCode, :applicantId, :applicantName, :submittedBy, :channel,
                'submitted', CAST(:values AS jsonb), :delivery, :postalAddress, :processingDays, :now, :now, :feeVnd,
                :feeReason, :feeReasonEn, :handlingPoint)
            RETURNING id
            """;

    private static final String FIND = "SELECT " + COLUMNS + " FROM dossiers_dossier WHERE id = :id";

    /**
     * The dossier with its steps, current position and history in one read: every action and every view needs all
     * three, and one round trip is most of their cost.
     */
    // Times in the steps' and history's JSON are microseconds since the epoch: cheaper to write and to read than
    // ISO 8601 text with an offset, and exact.
    private static final String FIND_FULL = "SELECT " + COLUMNS + """
            , step_position,
              (SELECT coalesce(json_agg(json_build_object('position', s.position, 'code', s.code, 'name', s.name,
                          'nameEn', s.name_en, 'kind', s.kind, 'permission', s.permission, 'agencyCode', s.agency_code,
                          'share', s.share, 'startedAt', (extract(epoch FROM s.started_at) * 1e6)::bigint,
                          'dueAt', (extract(epoch FROM s.due_at) * 1e6)::bigint,
                          'finishedAt', (extract(epoch FROM s.finished_at) * 1e6)::bigint,
                          'assignee', s.assignee, 'assigneeName', s.assignee_name) ORDER BY s.position), '[]')::text
                 FROM dossiers_step s WHERE s.dossier_id = d.id) AS steps,
              (SELECT coalesce(json_agg(json_build_object('at', (extract(epoch FROM h.at) * 1e6)::bigint,
                          'actor', h.actor, 'actorName', h.actor_name, 'action', h.action, 'fromState', h.from_state, 'toState', h.to_state, 'comment', h.comment)
                          ORDER BY h.id), '[]')::text
                 FROM dossiers_history h WHERE h.dossier_id = d.id) AS history
              FROM dossiers_dossier d WHERE d.id = :id
            """;

    private static final String FIND_BY_CODE = "SELECT " + COLUMNS + " FROM dossiers_dossier WHERE code = :code";

    /**
     * An action's whole write in one statement: the dossier row, only when the version is still the one read (the
     * optimistic lock), then — only if that row was written — the steps it starts (acceptance) or changes and its
     * history line. The current step and the handling point go in the row's write, so an action rewrites the row
     * (and its indexes) once. Answers 1 when written, 0 for a stale version (nothing else is touched then).
     */
    private static final String ACT = """
            WITH d AS (
                UPDATE dossiers_dossier
                   SET code = :code, state = :state, resume_state = :resumeState,
                       form_values = coalesce(CAST(:values AS jsonb), form_values),
                       received_at = :receivedAt, due_at = :dueAt, paused_at = :pausedAt,
                       supplement_items = CAST(:supplementItems AS jsonb), refusal_reason = :refusalReason,
                       finished_at = :finishedAt, version = version + 1, updated_at = :now,
                       step_position = :stepPosition, step_code = :stepCode, step_agency_code = :stepAgencyCode,
                       assignee = :assignee, step_due_at = :stepDueAt, handling_point_code = :handlingPoint
                 WHERE id = :id AND version = :version
                RETURNING id
            ), inserted AS (
                INSERT INTO dossiers_step (dossier_id, position, code, name, name_en, kind, permission, agency_code,
                                           share, started_at, due_at, finished_at, assignee, assignee_name)
                SELECT d.id, v.position, v.code, v.name, v.name_en, v.kind, v.permission, v.agency_code, v.share,
                       v.started_at, v.due_at, v.finished_at, v.assignee, v.assignee_name
                  FROM d, jsonb_to_recordset(CAST(:insertedSteps AS jsonb)) AS v(position int, code text, name text,
                       name_en text, kind text, permission text, agency_code text, share int, started_at timestamptz,
                       due_at timestamptz, finished_at timestamptz, assignee text, assignee_name text)
            ), updated AS (
                UPDATE dossiers_step s
                   SET started_at = v.started_at, due_at = v.due_at, finished_at = v.finished_at,
                       assignee = v.assignee, assignee_name = v.assignee_name
                  FROM d, jsonb_to_recordset(CAST(:updatedSteps AS jsonb)) AS v(position int, started_at timestamptz,
                       due_at timestamptz, finished_at timestamptz, assignee text, assignee_name text)
                 WHERE s.dossier_id = d.id AND s.position = v.position
            ), history AS (
                INSERT INTO dossiers_history (dossier_id, at, actor, actor_name, action, from_state, to_state, comment)
                SELECT d.id, CAST(:at AS timestamptz), CAST(:actor AS text), CAST(:actorName AS text),
                       CAST(:action AS text), CAST(:fromState AS text), CAST(:toState AS text), CAST(:comment AS text)
                  FROM d
            )
            SELECT count(*) FROM d
            """;

    private static final String NEXT_CODE_NUMBER = "SELECT nextval('dossiers_code_seq')";

    private static final String INSERT_HISTORY = """
            INSERT INTO dossiers_history (dossier_id, at, actor, actor_name, action, from_state, to_state, comment)
            VALUES (:dossierId, :at, :actor, :actorName, :action, :fromState, :toState, :comment)
            """;

    /** Nothing when the dossier is already rated: the primary key decides between two simultaneous ratings. */
    private static final String INSERT_RATING = """
            INSERT INTO dossiers_rating (dossier_id, score, comment, rated_by, rated_at)
            VALUES (:dossierId, :score, :comment, :ratedBy, :ratedAt)
            ON CONFLICT (dossier_id) DO NOTHING
            """;

    private static final String RATING = "SELECT score, comment, rated_at FROM dossiers_rating WHERE dossier_id = :dossierId";

    private static final String MINE = "SELECT " + COLUMNS + """
             FROM dossiers_dossier
            WHERE applicant_id = :applicantId AND (:state = '' OR state = :state)
            ORDER BY submitted_at DESC, id DESC LIMIT :limit OFFSET :offset
            """;

    private static final String COUNT_MINE = """
            SELECT count(*) FROM dossiers_dossier WHERE applicant_id = :applicantId AND (:state = '' OR state = :state)
            """;

    // The queue comes in four statements rather than one with "(:x OR ...)" switches: a generic prepared
    // plan for the switch form cannot pick the (work_agency_code, ...) indexes, which matters at millions of rows.
    // Officials list what their agency holds now (the current step's agency), as in the work queue.
    private static final String IN_AGENCIES = " WHERE work_agency_code IN (:agencies)";
    private static final String ALL_AGENCIES = " WHERE true";
    private static final String IN_STATE = " AND state = :state";
    private static final String NEWEST_FIRST = " ORDER BY submitted_at DESC, id DESC LIMIT :limit OFFSET :offset";

    private static final String QUEUE_AGENCIES = "SELECT " + COLUMNS + " FROM dossiers_dossier" + IN_AGENCIES + NEWEST_FIRST;
    private static final String QUEUE_AGENCIES_STATE = "SELECT " + COLUMNS + " FROM dossiers_dossier" + IN_AGENCIES
            + IN_STATE + NEWEST_FIRST;
    private static final String QUEUE_ALL = "SELECT " + COLUMNS + " FROM dossiers_dossier" + ALL_AGENCIES + NEWEST_FIRST;
    private static final String QUEUE_ALL_STATE = "SELECT " + COLUMNS + " FROM dossiers_dossier" + ALL_AGENCIES
            + IN_STATE + NEWEST_FIRST;

    private static final String COUNT_AGENCIES = "SELECT count(*) FROM dossiers_dossier" + IN_AGENCIES;
    private static final String COUNT_AGENCIES_STATE = "SELECT count(*) FROM dossiers_dossier" + IN_AGENCIES + IN_STATE;
    private static final String COUNT_ALL = "SELECT count(*) FROM dossiers_dossier" + ALL_AGENCIES;
    private static final String COUNT_ALL_STATE = "SELECT count(*) FROM dossiers_dossier" + ALL_AGENCIES + IN_STATE;

    private static final String COUNT_BY_STATE_AGENCIES = "SELECT state, count(*) AS n FROM dossiers_dossier"
            + IN_AGENCIES + " GROUP BY state";
    private static final String COUNT_BY_STATE_ALL = "SELECT state, count(*) AS n FROM dossiers_dossier GROUP BY state";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DossierRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A queue filter: every agency when {@code all} and no single {@code agency}, else the agencies listed
     * (narrowed to {@code agency} when given); optionally one state.
     */
    public record QueueFilter(boolean all, Collection<String> agencies, String agency, String state) {

        public QueueFilter {
            agencies = agencies == null ? List.of() : List.copyOf(agencies);
            agency = agency == null ? "" : agency;
            state = state == null ? "" : state;
        }

        boolean everyAgency() {
            return all && agency.isEmpty();
        }

        /** The agencies to read; IN () is not valid SQL, so an empty scope reads an agency that cannot exist. */
        List<String> scope() {
            if (!agency.isEmpty()) {
                return List.of(agency);
            }
            return agencies.isEmpty() ? List.of("") : List.copyOf(agencies);
        }
    }

    /** A new dossier at the handling point that receives it; its id. */
    public long insert(DossierRow d, Instant now, String handlingPoint) {
        return jdbc.sql(INSERT).param("handlingPoint", handlingPoint).param("procedureCode", d.procedureCode()).param("agencyCode", d.agencyCode())
                .param("adminUnitCode", d.adminUnitCode()).param("applicantId", d.applicantId())
                .param("applicantName", d.applicantName()).param("submittedBy", d.submittedBy())
                .param("channel", d.channel()).param("values", json.writeValueAsString(d.values()))
                .param("delivery", d.delivery()).param("postalAddress", d.postalAddress())
                .param("processingDays", d.processingDays()).param("now", timestamp(now)).param("feeVnd", d.feeVnd())
                .param("feeReason", d.feeReason()).param("feeReasonEn", d.feeReasonEn())
                .query(Long.class).single();
    }

    public Optional<DossierRow> find(long id) {
        return jdbc.sql(FIND).param("id", id).query(this::row).optional();
    }

    /** A dossier with its steps (current position null: none, or every step done) and its history, oldest first. */
    public record Full(DossierRow row, List<Step> steps, Integer stepPosition, List<HistoryEntry> history) {
    }

    public Optional<Full> findFull(long id) {
        return jdbc.sql(FIND_FULL).param("id", id).query((rs, n) -> {
            int p = rs.getInt("step_position");
            Integer position = rs.wasNull() ? null : p;
            return new Full(row(rs, n), steps(json.readTree(rs.getString("steps"))), position,
                    history(json.readTree(rs.getString("history"))));
        }).optional();
    }

    private static List<Step> steps(JsonNode array) {
        List<Step> steps = new java.util.ArrayList<>(array.size());
        for (JsonNode s : array) {
            steps.add(new Step(s.get("position").asInt(), text(s, "code"), text(s, "name"), text(s, "nameEn"),
                    text(s, "kind"), text(s, "permission"), text(s, "agencyCode"), s.get("share").asInt(),
                    time(s, "startedAt"), time(s, "dueAt"), time(s, "finishedAt"), text(s, "assignee"),
                    text(s, "assigneeName")));
        }
        return List.copyOf(steps);
    }

    private static List<HistoryEntry> history(JsonNode array) {
        List<HistoryEntry> history = new java.util.ArrayList<>(array.size());
        for (JsonNode h : array) {
            history.add(new HistoryEntry(time(h, "at"), text(h, "actor"), text(h, "actorName"), text(h, "action"),
                    text(h, "fromState"), text(h, "toState"), text(h, "comment")));
        }
        return List.copyOf(history);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    /** A time as microseconds since the epoch (see {@link #FIND_FULL}). */
    private static Instant time(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        long micros = v.asLong();
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    public Optional<DossierRow> findByCode(String code) {
        return jdbc.sql(FIND_BY_CODE).param("code", code).query(this::row).optional();
    }

    /**
     * Writes an action: the new state, the current step ({@code position} null: none) and the handling point, the
     * steps started or changed, and the history line, if nobody changed the dossier since {@code d.version()};
     * false otherwise, with nothing written. The form values are written only when {@code valuesChanged}: most
     * actions leave them as they are, and rewriting them would serialise, parse and store them again for nothing.
     */
    public boolean act(DossierRow d, boolean valuesChanged, Instant now, Integer position, Step current,
            String handlingPoint, List<Step> insertedSteps, List<Step> updatedSteps, HistoryEntry history) {
        return jdbc.sql(ACT).param("stepPosition", SqlParams.integer(position))
                .param("stepCode", current == null ? null : current.code())
                .param("stepAgencyCode", current == null ? null : current.agencyCode())
                .param("assignee", current == null ? null : current.assignee())
                .param("stepDueAt", current == null ? null : timestamp(current.dueAt()))
                .param("handlingPoint", handlingPoint).param("id", d.id()).param("version", d.version()).param("code", d.code())
                .param("state", d.state()).param("resumeState", d.resumeState())
                .param("values", valuesChanged ? json.writeValueAsString(d.values()) : null)
                .param("receivedAt", timestamp(d.receivedAt()))
                .param("dueAt", timestamp(d.dueAt())).param("pausedAt", timestamp(d.pausedAt()))
                .param("supplementItems", d.supplementItems() == null ? null : json.writeValueAsString(d.supplementItems()))
                .param("refusalReason", d.refusalReason()).param("finishedAt", timestamp(d.finishedAt()))
                .param("now", timestamp(now))
                .param("insertedSteps", stepsJson(insertedSteps)).param("updatedSteps", stepsJson(updatedSteps))
                .param("at", timestamp(history.at())).param("actor", history.actor()).param("actorName", history.actorName())
                .param("action", history.action()).param("fromState", history.fromState())
                .param("toState", history.toState()).param("comment", history.comment())
                .query(Long.class).single() == 1;
    }

    /** Steps as the JSON rows {@link #ACT} reads (column names as in dossiers_step). */
    private String stepsJson(List<Step> steps) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>(steps.size());
        for (Step st : steps) {
            Map<String, Object> r = new java.util.HashMap<>();
            r.put("position", st.position());
            r.put("code", st.code());
            r.put("name", st.name());
            r.put("name_en", st.nameEn());
            r.put("kind", st.kind());
            r.put("permission", st.permission());
            r.put("agency_code", st.agencyCode());
            r.put("share", st.share());
            r.put("started_at", iso(st.startedAt()));
            r.put("due_at", iso(st.dueAt()));
            r.put("finished_at", iso(st.finishedAt()));
            r.put("assignee", st.assignee());
            r.put("assignee_name", st.assigneeName());
            rows.add(r);
        }
        return json.writeValueAsString(rows);
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    public long nextCodeNumber() {
        return jdbc.sql(NEXT_CODE_NUMBER).query(Long.class).single();
    }

    public void insertHistory(long dossierId, Instant at, String actor, String actorName, String action,
            String fromState, String toState, String comment) {
        jdbc.sql(INSERT_HISTORY).param("dossierId", dossierId).param("at", timestamp(at)).param("actor", actor)
                .param("actorName", actorName)
                .param("action", action).param("fromState", fromState).param("toState", toState)
                .param("comment", comment).update();
    }

    /** Stores the rating; false when the dossier already has one. */
    public boolean insertRating(long dossierId, int score, String comment, long ratedBy, Instant at) {
        return jdbc.sql(INSERT_RATING).param("dossierId", dossierId).param("score", score).param("comment", comment)
                .param("ratedBy", ratedBy).param("ratedAt", timestamp(at)).update() == 1;
    }

    public Optional<Rating> rating(long dossierId) {
        return jdbc.sql(RATING).param("dossierId", dossierId)
                .query((rs, n) -> new Rating(rs.getInt("score"), rs.getString("comment"), instant(rs, "rated_at")))
                .optional();
    }

    public List<DossierRow> mine(long applicantId, String state, int limit, long offset) {
        return jdbc.sql(MINE).param("applicantId", applicantId).param("state", state == null ? "" : state)
                .param("limit", limit).param("offset", offset).query(this::row).list();
    }

    public long countMine(long applicantId, String state) {
        return jdbc.sql(COUNT_MINE).param("applicantId", applicantId).param("state", state == null ? "" : state)
                .query(Long.class).single();
    }

    public List<DossierRow> queue(QueueFilter f, int limit, long offset) {
        String sql = f.everyAgency() ? (f.state().isEmpty() ? QUEUE_ALL : QUEUE_ALL_STATE)
                : (f.state().isEmpty() ? QUEUE_AGENCIES : QUEUE_AGENCIES_STATE);
        return params(jdbc.sql(sql), f).param("limit", limit).param("offset", offset).query(this::row).list();
    }

    public long countQueue(QueueFilter f) {
        String sql = f.everyAgency() ? (f.state().isEmpty() ? COUNT_ALL : COUNT_ALL_STATE)
                : (f.state().isEmpty() ? COUNT_AGENCIES : COUNT_AGENCIES_STATE);
        return params(jdbc.sql(sql), f).query(Long.class).single();
    }

    public Map<String, Long> countByState(QueueFilter f) {
        Map<String, Long> counts = new LinkedHashMap<>();
        String sql = f.everyAgency() ? COUNT_BY_STATE_ALL : COUNT_BY_STATE_AGENCIES;
        params(jdbc.sql(sql), f).query((rs, n) -> counts.put(rs.getString("state"), rs.getLong("n"))).list();
        return counts;
    }

    /** Binds only the parameters the chosen statement names. */
    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, QueueFilter f) {
        JdbcClient.StatementSpec s = f.everyAgency() ? spec : spec.param("agencies", f.scope());
        return f.state().isEmpty() ? s : s.param("state", f.state());
    }

    private DossierRow row(ResultSet rs, int n) throws SQLException {
        long applicant = rs.getLong("applicant_id");
        Long applicantId = rs.wasNull() ? null : applicant;
        String items = rs.getString("supplement_items");
        long fee = rs.getLong("fee_vnd");
        Long feeVnd = rs.wasNull() ? null : fee;
        return new DossierRow(rs.getLong("id"), rs.getString("code"), rs.getString("procedure_code"),
                rs.getString("agency_code"), rs.getString("admin_unit_code"), applicantId,
                rs.getString("applicant_name"), rs.getString("submitted_by"), rs.getString("channel"),
                rs.getString("state"), rs.getString("resume_state"),
                json.readValue(rs.getString("form_values"), new TypeReference<Map<String, Object>>() { }),
                rs.getString("delivery"), rs.getString("postal_address"), rs.getInt("processing_days"),
                instant(rs, "submitted_at"), instant(rs, "received_at"), instant(rs, "due_at"),
                instant(rs, "paused_at"),
                items == null ? null : json.readValue(items, new TypeReference<List<String>>() { }),
                rs.getString("refusal_reason"), instant(rs, "finished_at"), rs.getInt("version"),
                instant(rs, "updated_at"), feeVnd, rs.getString("fee_reason"), rs.getString("fee_reason_en"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
