package vn.citygov.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.citygov.directory.HistoryEntry;

/** SQL for directory_history, which is only ever appended to. */
@Repository
public class HistoryRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private static final String INSERT = """
            INSERT INTO directory_history (object_type, object_code, changed_by, action, old_values, new_values)
            VALUES (:type, :code, :by, :action, CAST(:old AS jsonb), CAST(:new AS jsonb))
            """;

    private static final String LIST = """
            SELECT id, object_type, object_code, changed_at, changed_by, action, old_values::text AS old_values,
                   new_values::text AS new_values
              FROM directory_history
             WHERE object_type = :type AND object_code = :code
             ORDER BY changed_at DESC, id DESC
             LIMIT :limit
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    HistoryRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(String type, String code, String by, String action, Map<String, Object> oldValues,
            Map<String, Object> newValues) {
        jdbc.sql(INSERT).param("type", type).param("code", code).param("by", by).param("action", action)
                .param("old", oldValues == null ? null : json.writeValueAsString(oldValues))
                .param("new", newValues == null ? null : json.writeValueAsString(newValues)).update();
    }

    public List<HistoryEntry> list(String type, String code, int limit) {
        return jdbc.sql(LIST).param("type", type).param("code", code).param("limit", limit).query(this::map).list();
    }

    private HistoryEntry map(ResultSet rs, int row) throws SQLException {
        return new HistoryEntry(rs.getLong("id"), rs.getString("object_type"), rs.getString("object_code"),
                rs.getObject("changed_at", java.time.OffsetDateTime.class), rs.getString("changed_by"),
                rs.getString("action"), parse(rs.getString("old_values")), parse(rs.getString("new_values")));
    }

    private Map<String, Object> parse(String text) {
        return text == null ? null : json.readValue(text, MAP);
    }
}
