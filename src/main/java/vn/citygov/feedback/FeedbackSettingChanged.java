package vn.citygov.feedback;

import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/**
 * A coordinator created or changed a category ({@code feedback-category}) or created, changed or removed a
 * routing rule ({@code feedback-routing}); recorded in the audit trail with the fields changed.
 */
public record FeedbackSettingChanged(String objectType, String objectId, String action, Map<String, Object> changes,
        String agencyCode) implements AuditedChange {
}
