package vn.citygov.procedures;

/** A line of the catalogue: enough to list and filter procedures. */
public record ProcedureSummary(String code, String name, String nameEn, String fieldCode, String agencyCode,
        String level, String onlineLevel, int processingDays, long feeVnd) {

    public String feeText() {
        return Fees.format(feeVnd);
    }
}
