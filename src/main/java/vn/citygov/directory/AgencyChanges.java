package vn.citygov.directory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The new state of an agency's editable fields (a full replacement), with the version it was read at:
 * a change made meanwhile by someone else is refused rather than overwritten.
 */
public record AgencyChanges(
        @NotBlank(message = "validation.required") @Size(max = 200, message = "validation.too-long") String name,
        @Size(max = 200, message = "validation.too-long") String nameEn,
        @NotBlank(message = "validation.required") @Pattern(regexp = KIND_PATTERN, message = "directory.validation.kind") String kind,
        @Pattern(regexp = Cleaning.CODE, message = "directory.validation.code") String parentCode,
        @Pattern(regexp = "[0-9]{5}", message = "directory.validation.admin-unit") String adminUnitCode,
        @Size(max = 300, message = "validation.too-long") String address,
        @Pattern(regexp = Cleaning.PHONE, message = "directory.validation.phone") String phone,
        @Email(message = "directory.validation.email") @Size(max = 200, message = "validation.too-long") String email,
        @Pattern(regexp = Cleaning.WEBSITE, message = "directory.validation.website") String website,
        @NotNull(message = "validation.required") @PositiveOrZero(message = "directory.validation.version") Integer version) {

    static final String KIND_PATTERN = "city_executive|council|department|ward_committee|public_service_centre|other";

    public AgencyChanges {
        name = Cleaning.text(name);
        nameEn = Cleaning.text(nameEn);
        kind = Cleaning.code(kind);
        parentCode = Cleaning.code(parentCode);
        adminUnitCode = Cleaning.code(adminUnitCode);
        address = Cleaning.text(address);
        phone = Cleaning.text(phone);
        email = Cleaning.text(email);
        website = Cleaning.text(website);
    }

    /** The form for an agency as it is now. */
    public static AgencyChanges of(Agency agency) {
        return new AgencyChanges(agency.name(), agency.nameEn(), agency.kind(), agency.parentCode(),
                agency.adminUnitCode(), agency.address(), agency.phone(), agency.email(), agency.website(),
                agency.version());
    }
}
