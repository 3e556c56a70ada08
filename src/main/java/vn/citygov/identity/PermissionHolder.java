package vn.citygov.identity;

/** An enabled account holding a permission, for modules that alert the people in charge (e-mail may be null). */
public record PermissionHolder(long userId, String username, String email) {
}
