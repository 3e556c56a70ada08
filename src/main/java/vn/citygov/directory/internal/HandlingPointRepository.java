package vn.citygov.directory.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.citygov.directory.HandlingPoint;

/** SQL for directory_handling_point. */
@Repository
public class HandlingPointRepository {

    private static final String COLUMNS = """
            code, agency_code, name, name_en, address, admin_unit_code, phone, email, work_kinds, active, version
            """;

    private static final String COUNT_ALL = "SELECT count(*) FROM directory_handling_point";

    private static final String INSERT = """
            INSERT INTO directory_handling_point (code, agency_code, name, name_en, address, admin_unit_code, phone,
                email, work_kinds, active, search_key)
            VALUES (:code, :agencyCode, :name, :nameEn, :address, :adminUnitCode, :phone, :email, :workKinds, :active,
                :searchKey)
            ON CONFLICT (code) DO NOTHING
            """;

    private static final String FIND = "SELECT " + COLUMNS + " FROM directory_handling_point WHERE code = :code";

    private static final String FIND_FOR_UPDATE = FIND + " FOR UPDATE";

    private static final String BY_AGENCY = "SELECT " + COLUMNS + """
             FROM directory_handling_point WHERE agency_code = :agency AND (active OR :inactive)
            ORDER BY name COLLATE directory_vi, code
            """;

    private static final String SEARCH = "SELECT " + COLUMNS + """
             FROM directory_handling_point
            WHERE ((search_key LIKE :longest AND (' ' || search_key) LIKE ALL (:patterns)) OR (:fuzzy AND :q <% search_key))
              AND (:agency = '' OR agency_code = :agency)
              AND (:unit = '' OR admin_unit_code = :unit)
              AND (active OR :inactive)
            ORDER BY CASE WHEN :q = '' OR search_key LIKE :prefix ESCAPE '\\' THEN 0
                          WHEN search_key LIKE :contains ESCAPE '\\' THEN 1 ELSE 2 END,
                     word_similarity(:q, search_key) DESC, name COLLATE directory_vi, code
            LIMIT :limit OFFSET :offset
            """;

    private static final String COUNT = """
            SELECT count(*) FROM directory_handling_point
            WHERE ((search_key LIKE :longest AND (' ' || search_key) LIKE ALL (:patterns)) OR (:fuzzy AND :q <% search_key))
              AND (:agency = '' OR agency_code = :agency)
              AND (:unit = '' OR admin_unit_code = :unit)
              AND (active OR :inactive)
            """;

    private static final String UPDATE = """
            UPDATE directory_handling_point
               SET name = :name, name_en = :nameEn, address = :address, admin_unit_code = :adminUnitCode,
                   phone = :phone, email = :email, work_kinds = :workKinds, active = :active,
                   search_key = :searchKey, version = version + 1, updated_at = now()
             WHERE code = :code AND version = :version
            """;

    private static final String MOVE_TO_AGENCY = """
            UPDATE directory_handling_point SET agency_code = :into, version = version + 1, updated_at = now()
             WHERE agency_code = :code
            RETURNING code
            """;

    private final JdbcClient jdbc;

    HandlingPointRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql(COUNT_ALL).query(Long.class).single();
    }

    public boolean insert(Row row) {
        return bind(jdbc.sql(INSERT), row).param("code", row.code()).param("agencyCode", row.agencyCode()).update() == 1;
    }

    public Optional<HandlingPoint> find(String code) {
        return jdbc.sql(FIND).param("code", code).query(HandlingPointRepository::map).optional();
    }

    public Optional<HandlingPoint> findForUpdate(String code) {
        return jdbc.sql(FIND_FOR_UPDATE).param("code", code).query(HandlingPointRepository::map).optional();
    }

    public List<HandlingPoint> byAgency(String agencyCode, boolean includeInactive) {
        return jdbc.sql(BY_AGENCY).param("agency", agencyCode).param("inactive", includeInactive)
                .query(HandlingPointRepository::map).list();
    }

    public List<HandlingPoint> search(Filter filter, int limit, long offset) {
        return bind(jdbc.sql(SEARCH), filter).param("prefix", SearchText.prefix(filter.q())).param("limit", limit)
                .param("offset", offset).query(HandlingPointRepository::map).list();
    }

    public long count(Filter filter) {
        return bind(jdbc.sql(COUNT), filter).query(Long.class).single();
    }

    public boolean update(String code, int version, Row row) {
        return bind(jdbc.sql(UPDATE), row).param("code", code).param("version", version).update() == 1;
    }

    /** Hands every handling point of one agency to another; returns the codes moved. */
    public List<String> moveToAgency(String code, String into) {
        return jdbc.sql(MOVE_TO_AGENCY).param("code", code).param("into", into).query(String.class).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter filter) {
        return spec.param("q", filter.q()).param("contains", SearchText.contains(filter.q()))
                .param("longest", SearchText.longestWord(filter.q()))
                .param("patterns", SearchText.patterns(filter.q())).param("fuzzy", filter.fuzzy())
                .param("agency", filter.agency() == null ? "" : filter.agency())
                .param("unit", filter.adminUnit() == null ? "" : filter.adminUnit())
                .param("inactive", filter.includeInactive());
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Row row) {
        return spec.param("name", row.name()).param("nameEn", row.nameEn()).param("address", row.address())
                .param("adminUnitCode", row.adminUnitCode()).param("phone", row.phone()).param("email", row.email())
                .param("workKinds", row.workKinds().toArray(String[]::new)).param("active", row.active())
                .param("searchKey", row.searchKey());
    }

    private static HandlingPoint map(ResultSet rs, int row) throws SQLException {
        Array kinds = rs.getArray("work_kinds");
        List<String> workKinds = kinds == null ? List.of() : List.of((String[]) kinds.getArray());
        return new HandlingPoint(rs.getString("code"), rs.getString("agency_code"), rs.getString("name"),
                rs.getString("name_en"), rs.getString("address"), rs.getString("admin_unit_code"),
                rs.getString("phone"), rs.getString("email"), workKinds, rs.getBoolean("active"), rs.getInt("version"));
    }

    /** Search criteria as for agencies: every word of q must occur, or with {@code fuzzy} a similar spelling. */
    public record Filter(String q, String agency, String adminUnit, boolean includeInactive, boolean fuzzy) {

        public Filter fuzzily() {
            return new Filter(q, agency, adminUnit, includeInactive, true);
        }
    }

    /** The stored columns of a handling point. */
    public record Row(String code, String agencyCode, String name, String nameEn, String address, String adminUnitCode,
            String phone, String email, List<String> workKinds, boolean active, String searchKey) {
    }
}
