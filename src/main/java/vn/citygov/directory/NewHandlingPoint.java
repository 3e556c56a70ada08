package vn.citygov.directory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What is needed to add a handling point to an agency. */
public record NewHandlingPoint(
        @NotBlank(message = "validation.required") @Pattern(regexp = Cleaning.CODE, message = "directory.validation.code") String code,
        @NotBlank(message = "validation.required") @Pattern(regexp = Cleaning.CODE, message = "directory.validation.code") String agencyCode,
        @NotBlank(message = "validation.required") @Size(max = 200, message = "validation.too-long") String name,
        @Size(max = 200, message = "validation.too-long") String nameEn,
        @Size(max = 300, message = "validation.too-long") String address,
        @Pattern(regexp = "[0-9]{5}", message = "directory.validation.admin-unit") String adminUnitCode,
        @Pattern(regexp = Cleaning.PHONE, message = "directory.validation.phone") String phone,
        @Email(message = "directory.validation.email") @Size(max = 200, message = "validation.too-long") String email,
        @Size(max = 3, message = "directory.validation.work-kinds")
        List<@Pattern(regexp = HandlingPointChanges.WORK_KIND_PATTERN, message = "directory.validation.work-kinds") String> workKinds) {

    public NewHandlingPoint {
        code = Cleaning.code(code);
        agencyCode = Cleaning.code(agencyCode);
        name = Cleaning.text(name);
        nameEn = Cleaning.text(nameEn);
        address = Cleaning.text(address);
        adminUnitCode = Cleaning.code(adminUnitCode);
        phone = Cleaning.text(phone);
        email = Cleaning.text(email);
        workKinds = Cleaning.list(workKinds);
    }
}
