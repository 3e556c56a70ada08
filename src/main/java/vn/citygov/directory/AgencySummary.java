package vn.citygov.directory;

/** An agency as shown in lists and as the parent or child of another agency. */
public record AgencySummary(String code, String name, String nameEn, String kind, String status, String adminUnitCode) {
}
