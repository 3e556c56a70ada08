package vn.citygov.calendar;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A public-sector working-day swap decided by the government: a weekday given off ({@link Kind#DAY_OFF})
 * in exchange for a Saturday worked ({@link Kind#WORKDAY}). Each swap is stored as these two dates.
 */
public record WorkdaySwap(LocalDate date, Kind kind, String nameVi, String nameEn, String source, HolidayStatus status) {

    public enum Kind {
        DAY_OFF, WORKDAY;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromCode(String code) {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        }
    }

    public WorkdaySwap {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(nameVi, "nameVi");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(status, "status");
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }
}
