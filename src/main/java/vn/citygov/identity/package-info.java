/**
 * Identity and access: users of every kind, roles as data with agency scopes, password login with
 * lockout, password reset by e-mail, API access tokens and machine API keys.
 *
 * <p>Who may administer accounts (checked in {@link vn.citygov.identity.UserAdministrationService}):
 * <table>
 * <caption>Account administration</caption>
 * <tr><th>action</th><th>needs</th></tr>
 * <tr><td>list and read accounts</td><td>{@code identity.user.read} citywide, or in an agency where the account holds a role</td></tr>
 * <tr><td>open an account, disable, enable, unlock</td><td>{@code identity.user.manage} citywide, or in an agency whose officials the account's roles are, and nothing more</td></tr>
 * <tr><td>grant or remove a role</td><td>citywide: any role; agency administrators: OFFICIAL in their own agency only</td></tr>
 * <tr><td>disable oneself, remove one's own roles</td><td>nobody</td></tr>
 * </table>
 * Agency codes of roles are checked against the directory.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = {"platform", "notification", "directory"})
package vn.citygov.identity;
