package vn.citygov.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import vn.citygov.platform.text.TextFolding;

/**
 * An administrator's request to open a staff account with its first role. There is no password: the
 * new user sets one through a link sent by e-mail. Text is stored in NFC.
 */
public record NewAccount(
        @NotBlank(message = "validation.required")
        @Pattern(regexp = NewAccount.USERNAME, message = "identity.user.username-format") String username,
        @NotBlank(message = "validation.required") @Size(max = 200, message = "validation.too-long") String displayName,
        @NotBlank(message = "validation.required") @Email(message = "identity.user.email-format")
        @Size(max = 200, message = "validation.too-long") String email,
        @Pattern(regexp = "\\+?[0-9 .()-]{6,20}", message = "identity.user.phone-format") String phone,
        @NotBlank(message = "validation.required")
        @Pattern(regexp = "OFFICIAL|AGENCY_ADMIN", message = "identity.user.kind-invalid") String kind,
        @NotBlank(message = "validation.required") @Size(max = 40, message = "validation.too-long") String roleCode,
        @Pattern(regexp = RoleRequest.AGENCY_CODE, message = "identity.user.agency-format") String agencyCode) {

    public static final String USERNAME = "[a-z0-9._-]{3,60}";

    public NewAccount {
        // Usernames are compared without case anyway, so accept what people type and store it folded.
        username = username == null ? null : username.strip().toLowerCase(Locale.ROOT);
        displayName = TextFolding.nfc(displayName);
        email = blankToNull(email);
        phone = blankToNull(phone);
        kind = blankToNull(kind);
        roleCode = blankToNull(roleCode);
        agencyCode = RoleRequest.cleanAgency(agencyCode);
    }

    public static NewAccount empty() {
        return new NewAccount(null, null, null, null, "OFFICIAL", "OFFICIAL", null);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : TextFolding.nfc(text);
    }
}
