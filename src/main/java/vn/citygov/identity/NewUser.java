package vn.citygov.identity;

import vn.citygov.platform.security.CityGovUser.UserKind;

/** The facts needed to open an account. */
public record NewUser(String username, String displayName, String email, String phone, UserKind kind) {
}
