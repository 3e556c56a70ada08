package vn.citygov.calendar;

import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/** An administrator created, changed or deleted the holiday of a date; recorded in the audit trail. */
public record HolidayChanged(String objectId, String action, Map<String, Object> changes) implements AuditedChange {

    public HolidayChanged {
        changes = Map.copyOf(changes);
    }

    @Override
    public String objectType() {
        return "holiday";
    }
}
