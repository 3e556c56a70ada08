package vn.citygov.directory;

import java.util.LinkedHashMap;
import java.util.Map;

/** Helpers for the change maps that events carry. */
final class Events {

    private Events() {
    }

    static Map<String, Object> nonNull(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    /** field → {"from","to"} for every field whose value differs. */
    static Map<String, Object> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        after.forEach((field, value) -> {
            Object old = before.get(field);
            if (!java.util.Objects.equals(old, value)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", old);
                change.put("to", value);
                changes.put(field, change);
            }
        });
        return changes;
    }
}
