package vn.citygov.directory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What is needed to add an agency to the directory. Text is stored in NFC. */
public record NewAgency(
        @NotBlank(message = "validation.required") @Pattern(regexp = Cleaning.CODE, message = "directory.validation.code") String code,
        @NotBlank(message = "validation.required") @Size(max = 200, message = "validation.too-long") String name,
        @Size(max = 200, message = "validation.too-long") String nameEn,
        @NotBlank(message = "validation.required") @Pattern(regexp = AgencyChanges.KIND_PATTERN, message = "directory.validation.kind") String kind,
        @Pattern(regexp = Cleaning.CODE, message = "directory.validation.code") String parentCode,
        @Pattern(regexp = "[0-9]{5}", message = "directory.validation.admin-unit") String adminUnitCode,
        @Size(max = 300, message = "validation.too-long") String address,
        @Pattern(regexp = Cleaning.PHONE, message = "directory.validation.phone") String phone,
        @Email(message = "directory.validation.email") @Size(max = 200, message = "validation.too-long") String email,
        @Pattern(regexp = Cleaning.WEBSITE, message = "directory.validation.website") String website,
        LocalDate validFrom) {

    public NewAgency {
        code = Cleaning.code(code);
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
}
