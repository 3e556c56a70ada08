/**
 * Shared kernel: layout, i18n, problem handling, paging, request context, security configuration
 * and the embedded PostgreSQL default. Depends on no other CityGov module.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Platform",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.citygov.platform;
