package vn.citygov.calendar;

import java.util.Locale;

/** How a holiday's date is fixed: by the solar date, by the lunar date, or as a make-up day for another holiday. */
public enum HolidayKind {
    FIXED, LUNAR, SUBSTITUTE;

    /** The value stored in the database and shown in the API. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HolidayKind fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
