package vn.citygov.feedback.api;

import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes GeoReport v2 answers in JSON or XML from the same maps and lists: a list becomes an element per
 * item named by {@link #ITEM}, as in the specification's examples. UTF-8 with the XML declaration.
 */
final class Open311Format {

    static final MediaType XML = new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8);
    static final MediaType JSON = new MediaType("application", "json", java.nio.charset.StandardCharsets.UTF_8);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Map<String, String> ITEM = Map.of("services", "service", "service_requests", "request",
            "endpoints", "endpoint", "formats", "format", "attributes", "attribute", "values", "value",
            "errors", "error");

    private Open311Format() {
    }

    static boolean isXml(String format) {
        return "xml".equals(format);
    }

    /** {@code root} names the XML document element; JSON has just the value. */
    static ResponseEntity<String> answer(int status, String format, String root, Object value) {
        if (isXml(format)) {
            StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
            element(b, root, value);
            return ResponseEntity.status(status).contentType(XML).body(b.toString());
        }
        return ResponseEntity.status(status).contentType(JSON).body(MAPPER.writeValueAsString(value));
    }

    static ResponseEntity<String> error(int status, String format, String description) {
        // The specification's order: code, then description.
        Map<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("code", status);
        error.put("description", description);
        return answer(status, format, "errors", List.of(error));
    }

    private static void element(StringBuilder b, String name, Object value) {
        b.append('<').append(name).append('>');
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> element(b, String.valueOf(k), v));
        } else if (value instanceof List<?> list) {
            String item = ITEM.getOrDefault(name, "item");
            list.forEach(v -> element(b, item, v));
        } else if (value != null) {
            escape(b, String.valueOf(value));
        }
        b.append("</").append(name).append('>');
    }

    private static void escape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    // Characters XML 1.0 cannot carry are dropped rather than breaking the document.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
    }
}
