package vn.citygov.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/** A role to grant to a user: citywide when {@code agencyCode} is empty, otherwise within that agency. */
public record RoleRequest(
        @NotBlank(message = "validation.required") @Size(max = 40, message = "validation.too-long") String roleCode,
        @Pattern(regexp = RoleRequest.AGENCY_CODE, message = "identity.user.agency-format") String agencyCode) {

    static final String AGENCY_CODE = "[a-z0-9-]{2,64}";

    public RoleRequest {
        roleCode = NewAccount.blankToNull(roleCode);
        agencyCode = cleanAgency(agencyCode);
    }

    static String cleanAgency(String code) {
        return code == null || code.isBlank() ? null : code.strip().toLowerCase(Locale.ROOT);
    }
}
