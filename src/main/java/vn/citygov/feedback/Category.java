package vn.citygov.feedback;

import java.util.List;
import java.util.Locale;

/**
 * A kind of report, as data: names in both languages, the deadline in working days or working hours
 * (exactly one), whether its reports appear on the public map, and the extra fields it asks for.
 */
public record Category(String code, String nameVi, String nameEn, Integer deadlineDays, Integer deadlineHours,
        boolean isPublic, List<CategoryAttribute> attributes) {

    public Category {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    public Category(String code, String nameVi, String nameEn, Integer deadlineDays, Integer deadlineHours,
            boolean isPublic) {
        this(code, nameVi, nameEn, deadlineDays, deadlineHours, isPublic, List.of());
    }

    /** The attributes in form order. */
    public List<CategoryAttribute> orderedAttributes() {
        return attributes.stream().sorted(java.util.Comparator.comparing(a -> a.order() == null ? 0 : a.order()))
                .toList();
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }
}
