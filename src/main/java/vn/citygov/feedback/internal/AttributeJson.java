package vn.citygov.feedback.internal;

import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.citygov.feedback.CategoryAttribute;

/** Category attribute definitions and a report's answers as they are kept in jsonb columns. */
public final class AttributeJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<List<CategoryAttribute>> DEFINITIONS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() {
    };

    private AttributeJson() {
    }

    public static String write(Object value) {
        return value == null ? null : MAPPER.writeValueAsString(value);
    }

    public static List<CategoryAttribute> definitions(String json) {
        return json == null || json.isBlank() ? List.of() : MAPPER.readValue(json, DEFINITIONS);
    }

    public static Map<String, Object> answers(String json) {
        return json == null || json.isBlank() ? Map.of() : MAPPER.readValue(json, ANSWERS);
    }
}
