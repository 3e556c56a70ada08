package vn.citygov.audit;

import java.time.LocalDate;

/** What to look for in the trail; null fields match everything. Dates are days in Asia/Ho_Chi_Minh. */
public record AuditFilter(String actor, String objectType, String objectId, String action, String agencyCode,
        LocalDate from, LocalDate to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }

    public AuditFilter withAgency(String agency) {
        return new AuditFilter(actor, objectType, objectId, action, agency, from, to);
    }
}
