package vn.citygov.directory.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.citygov.directory.Agency;
import vn.citygov.directory.AgencySummary;

/** SQL for directory_agency. */
@Repository
public class AgencyRepository {

    private static final String COLUMNS = """
            code, name, name_en, kind, parent_code, admin_unit_code, address, phone, email, website, status,
            merged_into, valid_from, note, version
            """;
    private static final String SUMMARY_COLUMNS = "code, name, name_en, kind, status, admin_unit_code";

    private static final String COUNT_ALL = "SELECT count(*) FROM directory_agency";

    private static final String EXISTS = "SELECT count(*) FROM directory_agency WHERE code = :code";

    private static final String INSERT = """
            INSERT INTO directory_agency (code, name, name_en, kind, parent_code, admin_unit_code, address, phone,
                email, website, valid_from, note, search_key)
            VALUES (:code, :name, :nameEn, :kind, :parentCode, :adminUnitCode, :address, :phone, :email, :website,
                :validFrom, :note, :searchKey)
            ON CONFLICT (code) DO NOTHING
            """;

    // Children come in the same statement: one round trip per agency read, on one connection.
    private static final String CHILD_CODES = """
            , ARRAY(SELECT c.code FROM directory_agency c WHERE c.parent_code = directory_agency.code
                    ORDER BY c.name COLLATE directory_vi, c.code) AS child_codes
            """;

    private static final String FIND = "SELECT " + COLUMNS + CHILD_CODES + " FROM directory_agency WHERE code = :code";

    private static final String FIND_FOR_UPDATE = FIND + " FOR UPDATE";

    private static final String CHILDREN = "SELECT " + SUMMARY_COLUMNS + """
             FROM directory_agency WHERE parent_code = :code ORDER BY name COLLATE directory_vi, code
            """;

    private static final String BY_ADMIN_UNIT = "SELECT " + SUMMARY_COLUMNS + """
             FROM directory_agency WHERE admin_unit_code = :unit ORDER BY name COLLATE directory_vi, code
            """;

    private static final String ALL_ACTIVE = "SELECT " + SUMMARY_COLUMNS + """
             FROM directory_agency WHERE status = 'active' ORDER BY kind, name COLLATE directory_vi, code
            """;

    private static final String SEARCH = "SELECT " + SUMMARY_COLUMNS + """
             FROM directory_agency
            WHERE ((search_key LIKE :longest AND (' ' || search_key) LIKE ALL (:patterns)) OR (:fuzzy AND :q <% search_key))
              AND (:kind = '' OR kind = :kind)
              AND (:parent = '' OR parent_code = :parent)
              AND (:unit = '' OR admin_unit_code = :unit)
            ORDER BY CASE WHEN :q = '' OR search_key LIKE :prefix ESCAPE '\\' THEN 0
                          WHEN search_key LIKE :contains ESCAPE '\\' THEN 1 ELSE 2 END,
                     word_similarity(:q, search_key) DESC, (status = 'active') DESC,
                     CASE kind WHEN 'city_executive' THEN 0 WHEN 'council' THEN 1 WHEN 'department' THEN 2
                               WHEN 'public_service_centre' THEN 3 WHEN 'other' THEN 4 ELSE 5 END,
                     name COLLATE directory_vi, code
            LIMIT :limit OFFSET :offset
            """;

    private static final String COUNT = """
            SELECT count(*) FROM directory_agency
            WHERE ((search_key LIKE :longest AND (' ' || search_key) LIKE ALL (:patterns)) OR (:fuzzy AND :q <% search_key))
              AND (:kind = '' OR kind = :kind)
              AND (:parent = '' OR parent_code = :parent)
              AND (:unit = '' OR admin_unit_code = :unit)
            """;

    private static final String UPDATE = """
            UPDATE directory_agency
               SET name = :name, name_en = :nameEn, kind = :kind, parent_code = :parentCode,
                   admin_unit_code = :adminUnitCode, address = :address, phone = :phone, email = :email,
                   website = :website, search_key = :searchKey, version = version + 1, updated_at = now()
             WHERE code = :code AND version = :version
            """;

    private static final String MARK_MERGED = """
            UPDATE directory_agency SET status = 'merged', merged_into = :into, version = version + 1, updated_at = now()
             WHERE code = :code AND status = 'active'
            """;

    // A target that sat below the merged agency moves up to the merged agency's parent.
    private static final String LIFT_TARGET = """
            UPDATE directory_agency SET parent_code = :newParent, version = version + 1, updated_at = now()
             WHERE code = :into AND parent_code = :code
            """;

    private static final String MOVE_CHILDREN = """
            UPDATE directory_agency SET parent_code = :into, version = version + 1, updated_at = now()
             WHERE parent_code = :code AND code <> :into
            RETURNING code
            """;

    private final JdbcClient jdbc;

    AgencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql(COUNT_ALL).query(Long.class).single();
    }

    public boolean exists(String code) {
        return code != null && jdbc.sql(EXISTS).param("code", code).query(Long.class).single() > 0;
    }

    /** Inserts unless the code is taken; returns whether a row was added. */
    public boolean insert(Row row) {
        return bind(jdbc.sql(INSERT), row).param("code", row.code()).param("validFrom", row.validFrom())
                .param("note", row.note()).update() == 1;
    }

    public Optional<Agency> find(String code) {
        return jdbc.sql(FIND).param("code", code).query(this::map).optional();
    }

    public Optional<Agency> findForUpdate(String code) {
        return jdbc.sql(FIND_FOR_UPDATE).param("code", code).query(this::map).optional();
    }

    public List<AgencySummary> children(String code) {
        return jdbc.sql(CHILDREN).param("code", code).query(AgencyRepository::summary).list();
    }

    public List<AgencySummary> byAdminUnit(String unitCode) {
        return jdbc.sql(BY_ADMIN_UNIT).param("unit", unitCode).query(AgencyRepository::summary).list();
    }

    public List<AgencySummary> allActive() {
        return jdbc.sql(ALL_ACTIVE).query(AgencyRepository::summary).list();
    }

    public List<AgencySummary> search(Filter filter, int limit, long offset) {
        return bind(jdbc.sql(SEARCH), filter).param("prefix", SearchText.prefix(filter.q()))
                .param("limit", limit).param("offset", offset).query(AgencyRepository::summary).list();
    }

    public long count(Filter filter) {
        return bind(jdbc.sql(COUNT), filter).query(Long.class).single();
    }

    /** Returns false when the version was stale (or the agency is gone). */
    public boolean update(String code, int version, Row row) {
        return bind(jdbc.sql(UPDATE), row).param("code", code).param("version", version).update() == 1;
    }

    public boolean markMerged(String code, String into) {
        return jdbc.sql(MARK_MERGED).param("code", code).param("into", into).update() == 1;
    }

    /** Re-parents the merged agency's children to the target; returns the codes moved. */
    public List<String> moveChildren(String code, String into, String mergedParent) {
        jdbc.sql(LIFT_TARGET).param("code", code).param("into", into).param("newParent", mergedParent).update();
        return jdbc.sql(MOVE_CHILDREN).param("code", code).param("into", into).query(String.class).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter filter) {
        return spec.param("q", filter.q()).param("contains", SearchText.contains(filter.q()))
                .param("longest", SearchText.longestWord(filter.q()))
                .param("patterns", SearchText.patterns(filter.q())).param("fuzzy", filter.fuzzy())
                .param("kind", nz(filter.kind())).param("parent", nz(filter.parent())).param("unit", nz(filter.adminUnit()));
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Row row) {
        return spec.param("name", row.name()).param("nameEn", row.nameEn()).param("kind", row.kind())
                .param("parentCode", row.parentCode()).param("adminUnitCode", row.adminUnitCode())
                .param("address", row.address()).param("phone", row.phone()).param("email", row.email())
                .param("website", row.website()).param("searchKey", row.searchKey());
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private Agency map(ResultSet rs, int row) throws SQLException {
        String code = rs.getString("code");
        Date validFrom = rs.getDate("valid_from");
        List<String> childCodes = List.of((String[]) rs.getArray("child_codes").getArray());
        return new Agency(code, rs.getString("name"), rs.getString("name_en"), rs.getString("kind"),
                rs.getString("parent_code"), rs.getString("admin_unit_code"), rs.getString("address"),
                rs.getString("phone"), rs.getString("email"), rs.getString("website"), rs.getString("status"),
                rs.getString("merged_into"), validFrom == null ? null : validFrom.toLocalDate(), rs.getString("note"),
                rs.getInt("version"), childCodes);
    }

    private static AgencySummary summary(ResultSet rs, int row) throws SQLException {
        return new AgencySummary(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                rs.getString("kind"), rs.getString("status"), rs.getString("admin_unit_code"));
    }

    /**
     * Search criteria; q is already folded, empty strings mean "any". Without {@code fuzzy} every word of
     * q must occur; with it, similar spellings match too.
     */
    public record Filter(String q, String kind, String parent, String adminUnit, boolean fuzzy) {

        public Filter fuzzily() {
            return new Filter(q, kind, parent, adminUnit, true);
        }
    }

    /** The stored columns of an agency. */
    public record Row(String code, String name, String nameEn, String kind, String parentCode, String adminUnitCode,
            String address, String phone, String email, String website, LocalDate validFrom, String note,
            String searchKey) {
    }
}
