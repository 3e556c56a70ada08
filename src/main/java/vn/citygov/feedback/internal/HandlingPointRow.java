package vn.citygov.feedback.internal;

/** A handling point as this module knows it (feedback_handling_point). */
public record HandlingPointRow(String code, String agencyCode, String name, String nameEn, String adminUnitCode) {
}
