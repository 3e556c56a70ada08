package vn.citygov.directory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The new state of a handling point's editable fields, with the version it was read at. */
public record HandlingPointChanges(
        @NotBlank(message = "validation.required") @Size(max = 200, message = "validation.too-long") String name,
        @Size(max = 200, message = "validation.too-long") String nameEn,
        @Size(max = 300, message = "validation.too-long") String address,
        @Pattern(regexp = "[0-9]{5}", message = "directory.validation.admin-unit") String adminUnitCode,
        @Pattern(regexp = Cleaning.PHONE, message = "directory.validation.phone") String phone,
        @Email(message = "directory.validation.email") @Size(max = 200, message = "validation.too-long") String email,
        @Size(max = 3, message = "directory.validation.work-kinds")
        List<@Pattern(regexp = WORK_KIND_PATTERN, message = "directory.validation.work-kinds") String> workKinds,
        Boolean active,
        @NotNull(message = "validation.required") @PositiveOrZero(message = "directory.validation.version") Integer version) {

    static final String WORK_KIND_PATTERN = "dossier|feedback|complaint";

    public HandlingPointChanges {
        name = Cleaning.text(name);
        nameEn = Cleaning.text(nameEn);
        address = Cleaning.text(address);
        adminUnitCode = Cleaning.code(adminUnitCode);
        phone = Cleaning.text(phone);
        email = Cleaning.text(email);
        workKinds = Cleaning.list(workKinds);
    }

    public static HandlingPointChanges of(HandlingPoint point) {
        return new HandlingPointChanges(point.name(), point.nameEn(), point.address(), point.adminUnitCode(),
                point.phone(), point.email(), point.workKinds(), point.active(), point.version());
    }
}
