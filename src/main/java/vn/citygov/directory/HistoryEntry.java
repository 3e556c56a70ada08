package vn.citygov.directory;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One recorded change of an agency or handling point.
 *
 * @param action created, renamed, updated, merged or dissolved
 * @param oldValues the changed fields before, null for a creation
 * @param newValues the changed fields after
 */
public record HistoryEntry(long id, String objectType, String objectCode, OffsetDateTime changedAt, String changedBy,
        String action, Map<String, Object> oldValues, Map<String, Object> newValues) {
}
