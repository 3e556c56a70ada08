package vn.citygov.feedback.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.citygov.feedback.CategorySettings;
import vn.citygov.feedback.RoutingRule;

/** Categories and routing rules as data edited by coordinators. */
@Repository
public class SettingsRepository {

    private static final String CATEGORY_COLUMNS = """
            code, name_vi, name_en, deadline_days, deadline_hours, public AS is_public, active, sort_order, version,
            attributes::text AS attributes
            """;
    private static final String RULE_COLUMNS = """
            r.id, r.category_code, r.admin_unit_code, r.handling_point_code, p.agency_code, r.version
              FROM feedback_routing r JOIN feedback_handling_point p ON p.code = r.handling_point_code
            """;
    private static final String RULE_FILTER = """
             WHERE (CAST(:category AS text) IS NULL OR r.category_code = :category)
               AND (CAST(:unit AS text) IS NULL OR r.admin_unit_code = :unit)
               AND (CAST(:agency AS text) IS NULL OR p.agency_code = :agency)
            """;

    private final JdbcClient jdbc;

    SettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CategorySettings> categories() {
        return jdbc.sql("SELECT " + CATEGORY_COLUMNS + " FROM feedback_category ORDER BY sort_order, code")
                .query(SettingsRepository::category).list();
    }

    public Optional<CategorySettings> category(String code) {
        return jdbc.sql("SELECT " + CATEGORY_COLUMNS + " FROM feedback_category WHERE code = :code")
                .param("code", code).query(SettingsRepository::category).optional();
    }

    private static CategorySettings category(ResultSet rs, int n) throws SQLException {
        return new CategorySettings(rs.getString("code"), rs.getString("name_vi"), rs.getString("name_en"),
                (Integer) rs.getObject("deadline_days"), (Integer) rs.getObject("deadline_hours"),
                rs.getBoolean("is_public"), rs.getBoolean("active"), rs.getInt("sort_order"), rs.getInt("version"),
                AttributeJson.definitions(rs.getString("attributes")));
    }

    /** False when the code is taken. */
    public boolean insertCategory(CategorySettings c) {
        return jdbc.sql("""
                INSERT INTO feedback_category (code, name_vi, name_en, deadline_days, deadline_hours, public, active, sort_order,
                    attributes)
                VALUES (:code, :nameVi, :nameEn, :days, :hours, :public, :active, :sort, CAST(:attributes AS jsonb))
                ON CONFLICT (code) DO NOTHING
                """).param("code", c.code()).param("attributes", attributes(c)).param("nameVi", c.nameVi()).param("nameEn", c.nameEn())
                .param("days", c.deadlineDays()).param("hours", c.deadlineHours()).param("public", c.isPublic())
                .param("active", c.active()).param("sort", c.sortOrder()).update() == 1;
    }

    /** False when the row's version is no longer {@code c.version()}. */
    public boolean updateCategory(CategorySettings c) {
        return jdbc.sql("""
                UPDATE feedback_category SET name_vi = :nameVi, name_en = :nameEn, deadline_days = :days,
                       deadline_hours = :hours, public = :public, active = :active, sort_order = :sort,
                       attributes = CAST(:attributes AS jsonb), version = version + 1
                 WHERE code = :code AND version = :version
                """).param("code", c.code()).param("attributes", attributes(c)).param("nameVi", c.nameVi()).param("nameEn", c.nameEn())
                .param("days", c.deadlineDays()).param("hours", c.deadlineHours()).param("public", c.isPublic())
                .param("active", c.active()).param("sort", c.sortOrder()).param("version", c.version()).update() == 1;
    }

    private static String attributes(CategorySettings c) {
        return AttributeJson.write(c.attributes() == null ? List.of() : c.attributes());
    }

    /** Sets a category's attributes only while it has none (demo data never overwrites a coordinator's edits). */
    public boolean seedAttributes(String code, List<vn.citygov.feedback.CategoryAttribute> attributes) {
        return jdbc.sql("""
                UPDATE feedback_category SET attributes = CAST(:attributes AS jsonb), version = version + 1
                 WHERE code = :code AND attributes = '[]'::jsonb
                """).param("code", code).param("attributes", AttributeJson.write(attributes)).update() == 1;
    }

    public List<RoutingRule> rules(String category, String unit, String agency, int limit, long offset) {
        return jdbc.sql("SELECT " + RULE_COLUMNS + RULE_FILTER
                        + " ORDER BY r.category_code, r.admin_unit_code NULLS FIRST LIMIT :limit OFFSET :offset")
                .param("category", category).param("unit", unit).param("agency", agency).param("limit", limit)
                .param("offset", offset).query(RoutingRule.class).list();
    }

    public long countRules(String category, String unit, String agency) {
        return jdbc.sql("SELECT count(*) FROM feedback_routing r JOIN feedback_handling_point p ON p.code = r.handling_point_code"
                        + RULE_FILTER).param("category", category).param("unit", unit).param("agency", agency)
                .query(Long.class).single();
    }

    public Optional<RoutingRule> rule(long id) {
        return jdbc.sql("SELECT " + RULE_COLUMNS + " WHERE r.id = :id").param("id", id).query(RoutingRule.class).optional();
    }

    /** The new rule's id, or empty when the category × unit already has a rule. */
    public Optional<Long> insertRule(String category, String unit, String point) {
        return jdbc.sql("""
                INSERT INTO feedback_routing (category_code, admin_unit_code, handling_point_code)
                VALUES (:category, :unit, :point) ON CONFLICT (category_code, admin_unit_code) DO NOTHING RETURNING id
                """).param("category", category).param("unit", unit).param("point", point).query(Long.class).optional();
    }

    public boolean updateRule(long id, String point, int version) {
        return jdbc.sql("""
                UPDATE feedback_routing SET handling_point_code = :point, version = version + 1
                 WHERE id = :id AND version = :version
                """).param("id", id).param("point", point).param("version", version).update() == 1;
    }

    public boolean deleteRule(long id) {
        return jdbc.sql("DELETE FROM feedback_routing WHERE id = :id").param("id", id).update() == 1;
    }
}
