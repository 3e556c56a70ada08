package vn.citygov.feedback.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.citygov.feedback.Category;
import vn.citygov.feedback.Figures;
import vn.citygov.feedback.ReportSummary;
import vn.citygov.feedback.TimelineEntry;
import vn.citygov.feedback.UnitStatistics;

/** SQL for the feedback tables. */
@Repository
public class ReportRepository {

    private static final String COLUMNS = """
            id, code, token, category_code, title, description, lat, lon, address, admin_unit_code,
            handling_point_code, agency_code, state, channel, reporter_id, contact_name, contact_email, contact_phone,
            public, hidden, hidden_reason, merged_into, submitted_at, due_at, answered_at, closed_at, answer, overdue,
            reopened, rating, rated_at, version
            """;
    private static final String SUMMARY_COLUMNS = """
            code, category_code, title, lat, lon, admin_unit_code, handling_point_code, state, submitted_at, due_at,
            overdue
            """;

    private static final String INSERT = """
            INSERT INTO feedback_report (code, token, category_code, title, description, lat, lon, address,
                admin_unit_code, handling_point_code, agency_code, state, channel, reporter_id, contact_name,
                contact_email, contact_phone, public, submitted_at, due_at, search_text, media_url, updated_at, attributes)
            VALUES (:code, :token, :category, :title, :description, :lat, :lon, :address, :unit, :point, :agency,
                :state, :channel, :reporter, :contactName, :contactEmail, :contactPhone, :public, :now, :dueAt,
                :searchText, :mediaUrl, :now, CAST(:attributes AS jsonb))
            ON CONFLICT (code) DO NOTHING
            RETURNING id
            """;
    private static final String FIND = "SELECT " + COLUMNS + " FROM feedback_report WHERE id = :id";
    private static final String FIND_CODE = "SELECT " + COLUMNS + " FROM feedback_report WHERE code = :code";
    private static final String FIND_FOR_UPDATE = "SELECT " + COLUMNS + " FROM feedback_report WHERE code = :code FOR UPDATE";

    /** Only when the version is still the one read: the optimistic lock. */
    private static final String UPDATE = """
            UPDATE feedback_report
               SET handling_point_code = :point, agency_code = :agency, state = :state, hidden = :hidden,
                   hidden_reason = :hiddenReason, merged_into = :mergedInto, due_at = :dueAt, answered_at = :answeredAt,
                   closed_at = :closedAt, answer = :answer, overdue = :overdue, reopened = :reopened, rating = :rating,
                   rated_at = :ratedAt, version = version + 1, updated_at = now()
             WHERE id = :id AND version = :version
            """;

    private static final String INSERT_HISTORY = """
            INSERT INTO feedback_history (report_id, at, actor, action, from_state, to_state, comment, internal)
            VALUES (:report, :at, :actor, :action, :from, :to, :comment, :internal)
            """;
    private static final String HISTORY = """
            SELECT at, action, from_state, to_state, actor, comment, internal FROM feedback_history
             WHERE report_id = :report ORDER BY id
            """;

    private static final String CATEGORIES = """
            SELECT code, name_vi, name_en, deadline_days, deadline_hours, public, attributes::text AS attributes
              FROM feedback_category WHERE active ORDER BY sort_order, code
            """;

    private static final String ROUTE = """
            SELECT p.code, p.agency_code, p.name, p.name_en, p.admin_unit_code
              FROM feedback_routing r JOIN feedback_handling_point p ON p.code = r.handling_point_code
             WHERE r.category_code = :category AND (r.admin_unit_code = :unit OR r.admin_unit_code IS NULL)
             ORDER BY r.admin_unit_code NULLS LAST LIMIT 1
            """;
    private static final String POINT = """
            SELECT code, agency_code, name, name_en, admin_unit_code FROM feedback_handling_point WHERE code = :code
            """;
    private static final String POINTS_OF_AGENCIES = """
            SELECT code, agency_code, name, name_en, admin_unit_code FROM feedback_handling_point
             WHERE agency_code IN (:agencies) ORDER BY code
            """;
    private static final String UPSERT_POINT = """
            INSERT INTO feedback_handling_point (code, agency_code, name, name_en, admin_unit_code)
            VALUES (:code, :agency, :name, :nameEn, :unit)
            ON CONFLICT (code) DO UPDATE SET agency_code = EXCLUDED.agency_code, name = EXCLUDED.name,
                name_en = EXCLUDED.name_en, admin_unit_code = EXCLUDED.admin_unit_code
            """;
    private static final String UPSERT_ROUTE = """
            INSERT INTO feedback_routing (category_code, admin_unit_code, handling_point_code)
            VALUES (:category, :unit, :point)
            ON CONFLICT (category_code, admin_unit_code) DO NOTHING
            """;

    private static final String INSERT_PHOTO = """
            INSERT INTO feedback_photo (report_id, file_id, kind, media_type, position)
            VALUES (:report, :file, :kind, :mediaType,
                (SELECT count(*) FROM feedback_photo WHERE report_id = :report AND kind = :kind))
            """;
    private static final String PHOTOS = """
            SELECT file_id, kind, media_type FROM feedback_photo WHERE report_id = :report ORDER BY kind DESC, position
            """;
    private static final String PHOTO_COUNT = "SELECT count(*) FROM feedback_photo WHERE report_id = :report AND kind = :kind";
    private static final String PHOTO = "SELECT media_type FROM feedback_photo WHERE report_id = :report AND file_id = :file";

    /** Same category, about 200 m around, last 30 days, open to the public, most similar text first. */
    private static final String SIMILAR = "SELECT " + SUMMARY_COLUMNS + """
              FROM feedback_report
             WHERE category_code = :category AND public AND NOT hidden AND state <> 'merged'
               AND lat BETWEEN :lat - 0.0018 AND :lat + 0.0018 AND lon BETWEEN :lon - 0.0019 AND :lon + 0.0019
               AND submitted_at > :since
               AND (:text = '' OR similarity(search_text, :text) > 0.05)
             ORDER BY similarity(search_text, :text) DESC, submitted_at DESC LIMIT 5
            """;

    private static final String FOLLOW = """
            INSERT INTO feedback_follower (report_id, email) VALUES (:report, :email) ON CONFLICT DO NOTHING
            """;
    private static final String FOLLOWERS = "SELECT email FROM feedback_follower WHERE report_id = :report ORDER BY email";
    private static final String MERGED_REPORTERS = """
            SELECT DISTINCT reporter_id FROM feedback_report WHERE merged_into = :report AND reporter_id IS NOT NULL
            """;
    private static final String MOVE_FOLLOWERS = """
            INSERT INTO feedback_follower (report_id, email)
            SELECT :to, email FROM feedback_follower WHERE report_id = :from ON CONFLICT DO NOTHING
            """;

    /** Counts no further than the limit, so a busy source costs no more than a quiet one at its limit. */
    private static final String COUNT_SUBMISSIONS = """
            SELECT count(*) FROM (SELECT 1 FROM feedback_submission WHERE source = :source AND at > :since LIMIT :cap) s
            """;
    private static final String INSERT_SUBMISSION = "INSERT INTO feedback_submission (source, at) VALUES (:source, :at)";
    private static final String PRUNE_SUBMISSIONS = "DELETE FROM feedback_submission WHERE at < :before";

    private static final String DUE = "SELECT " + COLUMNS + """
              FROM feedback_report
             WHERE state IN ('received', 'assigned', 'in_progress', 'declined') AND due_at < :now AND NOT overdue
             ORDER BY due_at LIMIT 500
            """;

    /** Open, not yet reminded, due between now and the horizon (already overdue ones are escalated instead). */
    private static final String DUE_SOON = """
            UPDATE feedback_report SET due_soon_notified = true
             WHERE state IN ('assigned', 'in_progress') AND NOT due_soon_notified AND NOT overdue
               AND due_at >= :now AND due_at < :horizon
            RETURNING id
            """;

    /** From the monitoring counters (feedback_monthly), which hold the same sums as the reports. */
    private static final String UNIT_STATISTICS = """
            SELECT admin_unit_code, sum(received) AS total,
                   sum(answered) AS answered,
                   100.0 * sum(answered_on_time) / nullif(sum(answered), 0) AS on_time,
                   (sum(rating_sum) / nullif(sum(rated), 0))::float8 AS average_rating, sum(rated) AS ratings
              FROM feedback_monthly
             WHERE (:unit = '' OR admin_unit_code = :unit)
             GROUP BY admin_unit_code HAVING sum(received) > 0 ORDER BY admin_unit_code
            """;

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record NewRow(String code, UUID token, String category, String title, String description, double lat,
            double lon, String address, String unit, String point, String agency, String state, String channel,
            Long reporter, String contactName, String contactEmail, String contactPhone, boolean isPublic,
            Instant now, Instant dueAt, String searchText, String mediaUrl, Map<String, Object> attributes) {

        public NewRow(String code, UUID token, String category, String title, String description, double lat,
                double lon, String address, String unit, String point, String agency, String state, String channel,
                Long reporter, String contactName, String contactEmail, String contactPhone, boolean isPublic,
                Instant now, Instant dueAt, String searchText, String mediaUrl) {
            this(code, token, category, title, description, lat, lon, address, unit, point, agency, state, channel,
                    reporter, contactName, contactEmail, contactPhone, isPublic, now, dueAt, searchText, mediaUrl, null);
        }
    }

    /** The new id, or empty when the code is taken (the caller draws another). */
    public Optional<Long> insert(NewRow r) {
        return jdbc.sql(INSERT).param("code", r.code()).param("token", r.token()).param("category", r.category())
                .param("title", r.title()).param("description", r.description()).param("lat", r.lat())
                .param("lon", r.lon()).param("address", r.address()).param("unit", r.unit()).param("point", r.point())
                .param("agency", r.agency()).param("state", r.state()).param("channel", r.channel())
                .param("reporter", r.reporter()).param("contactName", r.contactName())
                .param("contactEmail", r.contactEmail()).param("contactPhone", r.contactPhone())
                .param("public", r.isPublic()).param("now", ts(r.now())).param("dueAt", ts(r.dueAt()))
                .param("searchText", r.searchText()).param("mediaUrl", r.mediaUrl())
                .param("attributes", r.attributes() == null || r.attributes().isEmpty() ? null : AttributeJson.write(r.attributes()))
                .query(Long.class).optional();
    }

    /** The answers a report gave to its category's attributes, by code. */
    public Map<String, Object> attributes(long id) {
        return jdbc.sql("SELECT attributes::text FROM feedback_report WHERE id = :id AND attributes IS NOT NULL")
                .param("id", id).query(String.class).optional().map(AttributeJson::answers).orElse(Map.of());
    }

    public Optional<String> mediaUrl(long id) {
        return jdbc.sql("SELECT media_url FROM feedback_report WHERE id = :id AND media_url IS NOT NULL").param("id", id)
                .query(String.class).optional();
    }

    public Optional<ReportRow> findByToken(UUID token) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM feedback_report WHERE token = :token").param("token", token)
                .query(ReportRepository::row).optional();
    }

    /** Rows for Open311 GET requests, with a fixed filter built by the caller. */
    public List<ReportRow> rows(ListQuery q, int limit) {
        var spec = jdbc.sql("SELECT " + COLUMNS + " FROM feedback_report WHERE " + q.where()
                + " ORDER BY submitted_at DESC, id DESC LIMIT :limit").param("limit", limit);
        for (var e : q.params().entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.query(ReportRepository::row).list();
    }

    public Optional<ReportRow> find(long id) {
        return jdbc.sql(FIND).param("id", id).query(ReportRepository::row).optional();
    }

    /** Report and handling-point codes are short and plain; anything else names nothing (and never reaches SQL). */
    static boolean plausibleCode(String code) {
        return code != null && code.matches("[A-Za-z0-9._-]{1,64}");
    }

    public Optional<ReportRow> findByCode(String code) {
        if (!plausibleCode(code)) {
            return Optional.empty();
        }
        return jdbc.sql(FIND_CODE).param("code", code).query(ReportRepository::row).optional();
    }

    public Optional<ReportRow> lock(String code) {
        if (!plausibleCode(code)) {
            return Optional.empty();
        }
        return jdbc.sql(FIND_FOR_UPDATE).param("code", code).query(ReportRepository::row).optional();
    }

    /** False when someone else changed the report since {@code r.version()} was read. */
    public boolean update(ReportRow r) {
        return jdbc.sql(UPDATE).param("id", r.id()).param("version", r.version()).param("point", r.handlingPointCode())
                .param("agency", r.agencyCode()).param("state", r.state()).param("hidden", r.hidden())
                .param("hiddenReason", r.hiddenReason()).param("mergedInto", r.mergedInto())
                .param("dueAt", ts(r.dueAt())).param("answeredAt", ts(r.answeredAt()))
                .param("closedAt", ts(r.closedAt())).param("answer", r.answer()).param("overdue", r.overdue())
                .param("reopened", r.reopened()).param("rating", r.rating()).param("ratedAt", ts(r.ratedAt()))
                .update() == 1;
    }

    public void history(long report, Instant at, String actor, String action, String from, String to, String comment,
            boolean internal) {
        jdbc.sql(INSERT_HISTORY).param("report", report).param("at", ts(at)).param("actor", actor)
                .param("action", action).param("from", from).param("to", to).param("comment", comment)
                .param("internal", internal).update();
    }

    /** The history; without internal comments and actors unless {@code full}. */
    public List<TimelineEntry> history(long report, boolean full) {
        return jdbc.sql(HISTORY).param("report", report).query((rs, n) -> new TimelineEntry(instant(rs, "at"),
                rs.getString("action"), rs.getString("from_state"), rs.getString("to_state"),
                full ? rs.getString("actor") : null,
                full || !rs.getBoolean("internal") ? rs.getString("comment") : null)).list();
    }

    public List<Category> categories() {
        return jdbc.sql(CATEGORIES).query((rs, n) -> new Category(rs.getString("code"), rs.getString("name_vi"),
                rs.getString("name_en"), (Integer) rs.getObject("deadline_days"), (Integer) rs.getObject("deadline_hours"),
                rs.getBoolean("public"), AttributeJson.definitions(rs.getString("attributes")))).list();
    }

    public Optional<HandlingPointRow> route(String category, String unit) {
        return jdbc.sql(ROUTE).param("category", category).param("unit", unit).query(HandlingPointRow.class).optional();
    }

    public Optional<HandlingPointRow> point(String code) {
        if (!plausibleCode(code)) {
            return Optional.empty();
        }
        return jdbc.sql(POINT).param("code", code).query(HandlingPointRow.class).optional();
    }

    /** The agencies that own feedback handling points: those whose reports a leader may follow. */
    public List<String> pointAgencies() {
        return jdbc.sql("SELECT DISTINCT agency_code FROM feedback_handling_point ORDER BY agency_code")
                .query(String.class).list();
    }

    public List<HandlingPointRow> pointsOf(Collection<String> agencies) {
        if (agencies.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(POINTS_OF_AGENCIES).param("agencies", agencies).query(HandlingPointRow.class).list();
    }

    public void savePoint(HandlingPointRow p) {
        jdbc.sql(UPSERT_POINT).param("code", p.code()).param("agency", p.agencyCode()).param("name", p.name())
                .param("nameEn", p.nameEn()).param("unit", p.adminUnitCode()).update();
    }

    public void saveRoute(String category, String unit, String point) {
        jdbc.sql(UPSERT_ROUTE).param("category", category).param("unit", unit).param("point", point).update();
    }

    public void addPhoto(long report, UUID file, String kind, String mediaType) {
        jdbc.sql(INSERT_PHOTO).param("report", report).param("file", file).param("kind", kind)
                .param("mediaType", mediaType).update();
    }

    public record PhotoRow(UUID fileId, String kind, String mediaType) {
    }

    public List<PhotoRow> photos(long report) {
        return jdbc.sql(PHOTOS).param("report", report).query(PhotoRow.class).list();
    }

    public int photoCount(long report, String kind) {
        return jdbc.sql(PHOTO_COUNT).param("report", report).param("kind", kind).query(Integer.class).single();
    }

    public Optional<String> photoType(long report, UUID file) {
        return jdbc.sql(PHOTO).param("report", report).param("file", file).query(String.class).optional();
    }

    public List<ReportSummary> similar(String category, double lat, double lon, String text, Instant since) {
        return jdbc.sql(SIMILAR).param("category", category).param("lat", lat).param("lon", lon).param("text", text)
                .param("since", ts(since)).query(ReportRepository::summary).list();
    }

    public void follow(long report, String email) {
        jdbc.sql(FOLLOW).param("report", report).param("email", email).update();
    }

    /** The accounts that reported the duplicates merged into this report. */
    public List<Long> mergedReporters(long report) {
        return jdbc.sql(MERGED_REPORTERS).param("report", report).query(Long.class).list();
    }

    public List<String> followers(long report) {
        return jdbc.sql(FOLLOWERS).param("report", report).query(String.class).list();
    }

    public void moveFollowers(long from, long to) {
        jdbc.sql(MOVE_FOLLOWERS).param("from", from).param("to", to).update();
    }

    /** Submissions from the source since the time, counted up to {@code cap}. */
    public long submissionsSince(String source, Instant since, int cap) {
        return jdbc.sql(COUNT_SUBMISSIONS).param("source", source).param("since", ts(since)).param("cap", cap)
                .query(Long.class).single();
    }

    public void recordSubmission(String source, Instant at) {
        jdbc.sql(INSERT_SUBMISSION).param("source", source).param("at", ts(at)).update();
    }

    public void pruneSubmissions(Instant before) {
        jdbc.sql(PRUNE_SUBMISSIONS).param("before", ts(before)).update();
    }

    /** Marks the reports due soon as reminded and returns their ids. */
    public List<Long> markDueSoon(Instant now, Instant horizon) {
        return jdbc.sql(DUE_SOON).param("now", ts(now)).param("horizon", ts(horizon)).query(Long.class).list();
    }

    public List<ReportRow> dueBefore(Instant now) {
        return jdbc.sql(DUE).param("now", ts(now)).query(ReportRepository::row).list();
    }

    public List<UnitStatistics> unitStatistics(String unit, Map<String, String> unitNames) {
        return jdbc.sql(UNIT_STATISTICS).param("unit", unit == null ? "" : unit).query((rs, n) -> new UnitStatistics(
                rs.getString("admin_unit_code"), unitNames.get(rs.getString("admin_unit_code")), rs.getLong("total"),
                rs.getLong("answered"), (Double) nullable(rs.getObject("on_time")),
                (Double) nullable(rs.getObject("average_rating")), rs.getLong("ratings"))).list();
    }

    /** A list query with its filters as SQL, built from fixed pieces only (values are always parameters). */
    public record ListQuery(String where, Map<String, Object> params) {
    }

    public List<ReportSummary> list(ListQuery q, String order, int limit, long offset) {
        var spec = jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM feedback_report WHERE " + q.where() + " ORDER BY "
                + order + " LIMIT :limit OFFSET :offset").param("limit", limit).param("offset", offset);
        for (var e : q.params().entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.query(ReportRepository::summary).list();
    }

    /**
     * The newest {@code limit} rows of the given grid cells that match {@code q}: the newest of each cell
     * from the (cell, submitted_at) index, then merged. Much faster than sorting every row of a large box.
     * The cells are integers computed by the caller, so they are written into the statement.
     */
    public List<ReportSummary> newestInCells(List<Integer> cells, ListQuery q, int limit) {
        String list = cells.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        var spec = jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM unnest('{" + list + "}'::integer[]) AS c(cell)"
                + " CROSS JOIN LATERAL (SELECT id, " + SUMMARY_COLUMNS + " FROM feedback_report r WHERE r.cell = c.cell AND "
                + q.where() + " ORDER BY submitted_at DESC, id DESC LIMIT :limit) AS newest"
                + " ORDER BY submitted_at DESC, id DESC LIMIT :limit").param("limit", limit);
        for (var e : q.params().entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.query(ReportRepository::summary).list();
    }

    public long count(ListQuery q) {
        var spec = jdbc.sql("SELECT count(*) FROM feedback_report WHERE " + q.where());
        for (var e : q.params().entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.query(Long.class).single();
    }

    private static final String FIGURES = """
                   count(*) AS total,
                   count(*) FILTER (WHERE state IN ('received', 'assigned', 'in_progress', 'declined')) AS open,
                   count(*) FILTER (WHERE overdue AND state IN ('received', 'assigned', 'in_progress', 'declined')) AS overdue,
                   100.0 * count(*) FILTER (WHERE answered_at <= due_at) / nullif(count(answered_at), 0) AS on_time,
                   (avg(extract(epoch FROM answered_at - submitted_at)) / 3600.0)::float8 AS hours,
                   avg(rating)::float8 AS rating
            """;

    public List<Figures> aggregate(ListQuery q, String groupColumn) {
        String sql = "SELECT " + groupColumn + " AS key, " + FIGURES
                + " FROM feedback_report WHERE " + q.where() + " GROUP BY 1 ORDER BY 2 DESC, 1";
        var spec = jdbc.sql(sql);
        for (var e : q.params().entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.query(ReportRepository::figures).list();
    }

    /**
     * The dashboard's figures — {@code all}, by {@code category}, {@code unit} and {@code month} — for one agency
     * or the city (null), summed from the monitoring counters (feedback_monthly, a few thousand rows, kept by a
     * trigger as reports change) in one pass (grouping sets); each list by volume, then key.
     */
    public Map<String, List<Figures>> figuresByGroup(String agency, YearMonth from, YearMonth to) {
        String sql = """
                SELECT CASE WHEN GROUPING(category_code, admin_unit_code, month, agency_code) = 15 THEN 'all'
                            WHEN GROUPING(category_code) = 0 THEN 'category'
                            WHEN GROUPING(admin_unit_code) = 0 THEN 'unit'
                            WHEN GROUPING(month) = 0 THEN 'month' ELSE 'agency' END AS grp,
                       CASE WHEN GROUPING(category_code) = 0 THEN category_code
                            WHEN GROUPING(admin_unit_code) = 0 THEN admin_unit_code
                            WHEN GROUPING(month) = 0 THEN to_char(month, 'YYYY-MM')
                            -- '-': reports no agency holds yet (with the coordinators)
                            WHEN GROUPING(agency_code) = 0 THEN coalesce(agency_code, '-') ELSE 'all' END AS key,
                       sum(received) AS total, sum(open) AS open, sum(overdue) AS overdue,
                       100.0 * sum(answered_on_time) / nullif(sum(answered), 0) AS on_time,
                       (sum(handling_micros) / nullif(sum(answered), 0) / 3600000000.0)::float8 AS hours,
                       (sum(rating_sum) / nullif(sum(rated), 0))::float8 AS rating
                  FROM feedback_monthly WHERE (:agency = '' OR agency_code = :agency)
                   AND month >= CAST(:from AS date) AND month <= CAST(:to AS date)
                 GROUP BY GROUPING SETS ((), (category_code), (admin_unit_code), (month), (agency_code))
                HAVING sum(received) > 0 OR GROUPING(category_code, admin_unit_code, month, agency_code) = 15
                 ORDER BY 1, 3 DESC, 2
                """;
        Map<String, List<Figures>> groups = new LinkedHashMap<>();
        for (String g : List.of("all", "category", "unit", "month", "agency")) {
            groups.put(g, new ArrayList<>());
        }
        jdbc.sql(sql).param("agency", agency == null ? "" : agency)
                .param("from", (from == null ? YearMonth.of(1970, 1) : from).atDay(1))
                .param("to", (to == null ? YearMonth.of(9999, 12) : to).atDay(1)).query((rs, n) -> {
            groups.get(rs.getString("grp")).add(figures(rs, n));
            return null;
        }).list();
        return groups;
    }

    private static Figures figures(ResultSet rs, int n) throws SQLException {
        return new Figures(rs.getString("key"), rs.getLong("total"), rs.getLong("open"),
                rs.getLong("overdue"), toDouble(rs.getObject("on_time")), toDouble(rs.getObject("hours")),
                toDouble(rs.getObject("rating")), null);
    }

    private static Object nullable(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static Double toDouble(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    static ReportSummary summary(ResultSet rs, int n) throws SQLException {
        return new ReportSummary(rs.getString("code"), rs.getString("category_code"), rs.getString("title"),
                rs.getDouble("lat"), rs.getDouble("lon"), rs.getString("admin_unit_code"),
                rs.getString("handling_point_code"), rs.getString("state"), instant(rs, "submitted_at"),
                instant(rs, "due_at"), rs.getBoolean("overdue"));
    }

    private static ReportRow row(ResultSet rs, int n) throws SQLException {
        return new ReportRow(rs.getLong("id"), rs.getString("code"), rs.getObject("token", UUID.class),
                rs.getString("category_code"), rs.getString("title"), rs.getString("description"), rs.getDouble("lat"),
                rs.getDouble("lon"), rs.getString("address"), rs.getString("admin_unit_code"),
                rs.getString("handling_point_code"), rs.getString("agency_code"), rs.getString("state"),
                rs.getString("channel"), (Long) rs.getObject("reporter_id"), rs.getString("contact_name"),
                rs.getString("contact_email"), rs.getString("contact_phone"), rs.getBoolean("public"),
                rs.getBoolean("hidden"), rs.getString("hidden_reason"), (Long) rs.getObject("merged_into"),
                instant(rs, "submitted_at"), instant(rs, "due_at"), instant(rs, "answered_at"),
                instant(rs, "closed_at"), rs.getString("answer"), rs.getBoolean("overdue"), rs.getBoolean("reopened"),
                (Integer) rs.getObject("rating"), instant(rs, "rated_at"), rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(java.time.ZoneOffset.UTC);
    }
}
