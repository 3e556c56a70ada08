package vn.citygov.insight;

import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/**
 * A city administrator changed how the index is computed: loaded an indicator set version
 * ({@code insight-definition}), replaced a year's KPI targets ({@code insight-targets}) or rebuilt the counters
 * ({@code insight-counters}); recorded in the audit trail with what changed.
 */
public record IndexSettingChanged(String objectType, String objectId, String action, Map<String, Object> changes)
        implements AuditedChange {
}
