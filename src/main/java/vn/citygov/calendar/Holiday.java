package vn.citygov.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A public holiday (ngày nghỉ lễ, Tết) on which public offices are closed.
 *
 * @param source legal basis or news source of the date, free text
 * @param note caveats, e.g. why a date is provisional; may be null
 * @param updatedAt last change by an administrator; null for computed holidays
 * @param version optimistic-locking version; 0 for computed holidays, which are not stored
 */
public record Holiday(
        LocalDate date,
        String nameVi,
        String nameEn,
        HolidayKind kind,
        HolidayStatus status,
        String source,
        String note,
        Instant updatedAt,
        int version) {

    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(nameVi, "nameVi");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
    }

    /** The name in Vietnamese unless the language is English. */
    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }
}
