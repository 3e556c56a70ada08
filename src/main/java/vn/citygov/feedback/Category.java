package vn.citygov.feedback;

import java.util.Locale;

/**
 * A kind of report, as data: names in both languages, the deadline in working days or working hours
 * (exactly one), and whether its reports appear on the public map.
 */
public record Category(String code, String nameVi, String nameEn, Integer deadlineDays, Integer deadlineHours,
        boolean isPublic) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }
}
