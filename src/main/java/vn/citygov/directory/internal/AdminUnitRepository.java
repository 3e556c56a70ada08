package vn.citygov.directory.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.citygov.directory.AdminUnit;

/** SQL for directory_admin_unit. */
@Repository
public class AdminUnitRepository {

    private static final String COLUMNS = """
            code, name, short_name, name_en, type, official_order, old_province, label_lat, label_lon,
            bbox_min_lon, bbox_min_lat, bbox_max_lon, bbox_max_lat, area_km2, merged_from
            """;

    private static final String COUNT_ALL = "SELECT count(*) FROM directory_admin_unit";

    private static final String INSERT = """
            INSERT INTO directory_admin_unit (code, name, short_name, name_en, type, official_order, old_province,
                label_lat, label_lon, bbox_min_lon, bbox_min_lat, bbox_max_lon, bbox_max_lat, area_km2,
                merged_from_codes, merged_from, search_key)
            VALUES (:code, :name, :shortName, :nameEn, :type, :officialOrder, :oldProvince, :labelLat, :labelLon,
                :bboxMinLon, :bboxMinLat, :bboxMaxLon, :bboxMaxLat, :areaKm2, :mergedFromCodes, :mergedFrom, :searchKey)
            ON CONFLICT (code) DO NOTHING
            """;

    private static final String FIND = "SELECT " + COLUMNS + " FROM directory_admin_unit WHERE code = :code";

    private static final String FIND_ALL = "SELECT " + COLUMNS + " FROM directory_admin_unit ORDER BY name COLLATE directory_vi";

    private static final String SEARCH = "SELECT " + COLUMNS + """
             FROM directory_admin_unit
            WHERE ((search_key LIKE :longest AND (' ' || search_key) LIKE ALL (:patterns)) OR (:fuzzy AND :q <% search_key))
              AND (:type = '' OR type = :type)
            ORDER BY CASE WHEN :q = '' OR search_key LIKE :prefix ESCAPE '\\' THEN 0
                          WHEN search_key LIKE :contains ESCAPE '\\' THEN 1 ELSE 2 END,
                     word_similarity(:q, search_key) DESC, name COLLATE directory_vi, code
            LIMIT :limit OFFSET :offset
            """;

    private static final String COUNT = """
            SELECT count(*) FROM directory_admin_unit
            WHERE ((search_key LIKE :longest AND (' ' || search_key) LIKE ALL (:patterns)) OR (:fuzzy AND :q <% search_key))
              AND (:type = '' OR type = :type)
            """;

    private final JdbcClient jdbc;

    AdminUnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql(COUNT_ALL).query(Long.class).single();
    }

    public void insert(Row row) {
        jdbc.sql(INSERT).paramSource(row).update();
    }

    public Optional<AdminUnit> find(String code) {
        return jdbc.sql(FIND).param("code", code).query(AdminUnitRepository::map).optional();
    }

    public List<AdminUnit> findAll() {
        return jdbc.sql(FIND_ALL).query(AdminUnitRepository::map).list();
    }

    public List<AdminUnit> search(String foldedQuery, boolean fuzzy, String type, int limit, long offset) {
        return jdbc.sql(SEARCH).param("q", foldedQuery).param("contains", SearchText.contains(foldedQuery))
                .param("longest", SearchText.longestWord(foldedQuery))
                .param("patterns", SearchText.patterns(foldedQuery)).param("fuzzy", fuzzy)
                .param("prefix", SearchText.prefix(foldedQuery)).param("type", type == null ? "" : type)
                .param("limit", limit).param("offset", offset).query(AdminUnitRepository::map).list();
    }

    public long count(String foldedQuery, boolean fuzzy, String type) {
        return jdbc.sql(COUNT).param("q", foldedQuery).param("longest", SearchText.longestWord(foldedQuery))
                .param("patterns", SearchText.patterns(foldedQuery))
                .param("fuzzy", fuzzy)
                .param("type", type == null ? "" : type).query(Long.class).single();
    }

    private static AdminUnit map(ResultSet rs, int row) throws SQLException {
        BigDecimal minLon = rs.getBigDecimal("bbox_min_lon");
        List<BigDecimal> bbox = minLon == null ? List.of() : Arrays.asList(minLon, rs.getBigDecimal("bbox_min_lat"),
                rs.getBigDecimal("bbox_max_lon"), rs.getBigDecimal("bbox_max_lat"));
        return new AdminUnit(rs.getString("code"), rs.getString("name"), rs.getString("short_name"),
                rs.getString("name_en"), rs.getString("type"), (Integer) rs.getObject("official_order"),
                rs.getString("old_province"), rs.getBigDecimal("label_lat"), rs.getBigDecimal("label_lon"), bbox,
                rs.getBigDecimal("area_km2"), rs.getString("merged_from"));
    }

    /** A unit as loaded from the reference CSV. */
    public record Row(String code, String name, String shortName, String nameEn, String type, Integer officialOrder,
            String oldProvince, BigDecimal labelLat, BigDecimal labelLon, BigDecimal bboxMinLon, BigDecimal bboxMinLat,
            BigDecimal bboxMaxLon, BigDecimal bboxMaxLat, BigDecimal areaKm2, String mergedFromCodes,
            String mergedFrom, String searchKey) {
    }
}
