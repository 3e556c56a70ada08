/**
 * Identity and access: users of every kind, roles as data with agency scopes, password login with
 * lockout, password reset by e-mail, API access tokens and machine API keys.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = {"platform", "notification", "directory"})
package vn.citygov.identity;
