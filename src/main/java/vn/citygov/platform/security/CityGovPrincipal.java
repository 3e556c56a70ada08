package vn.citygov.platform.security;

/** Anything Spring Security keeps as the principal of a CityGov login, whatever the way in. */
public interface CityGovPrincipal {

    CityGovUser user();
}
