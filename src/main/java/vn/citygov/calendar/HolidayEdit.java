package vn.citygov.calendar;

/**
 * An administrator's change to the holiday of one date.
 *
 * @param version the version the administrator saw; null to create a holiday on a date that has none
 */
public record HolidayEdit(
        String nameVi,
        String nameEn,
        HolidayKind kind,
        HolidayStatus status,
        String source,
        String note,
        Integer version) {
}
