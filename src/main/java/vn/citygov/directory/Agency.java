package vn.citygov.directory;

import java.time.LocalDate;
import java.util.List;

/**
 * An agency (cơ quan, đơn vị) of the city: the People's Committee, a department, a ward People's
 * Committee, a service centre… {@code version} is required back when changing it.
 *
 * @param kind one of {@link #KINDS}
 * @param status active, merged or dissolved
 * @param mergedInto the agency that took this one over, when merged
 * @param childCodes agencies directly below this one
 */
public record Agency(String code, String name, String nameEn, String kind, String parentCode, String adminUnitCode,
        String address, String phone, String email, String website, String status, String mergedInto,
        LocalDate validFrom, String note, int version, List<String> childCodes) {

    public static final List<String> KINDS = List.of("city_executive", "council", "department", "ward_committee",
            "public_service_centre", "other");
    public static final List<String> STATUSES = List.of("active", "merged", "dissolved");

    public boolean active() {
        return "active".equals(status);
    }
}
