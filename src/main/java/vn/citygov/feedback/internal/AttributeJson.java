package vn.citygov.feedback.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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

    /**
     * Categories are read on every submission and every listed report, and change rarely: the parsed definitions
     * are kept by their text, so an edit is seen at once and unchanged ones are not parsed again.
     */
    private static final Cache<String, List<CategoryAttribute>> PARSED = Caffeine.newBuilder().maximumSize(500).build();

    public static List<CategoryAttribute> definitions(String json) {
        if (json == null || json.isBlank() || "[]".equals(json)) {
            return List.of();
        }
        return PARSED.get(json, text -> List.copyOf(MAPPER.readValue(text, DEFINITIONS)));
    }

    public static Map<String, Object> answers(String json) {
        return json == null || json.isBlank() ? Map.of() : MAPPER.readValue(json, ANSWERS);
    }
}
