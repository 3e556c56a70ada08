package vn.citygov.platform.security;

import java.util.stream.Collectors;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated API caller (bearer token or API key). Authorities are the user's permissions. */
public class CityGovAuthentication extends AbstractAuthenticationToken implements CityGovPrincipal {

    private final CityGovUser user;

    public CityGovAuthentication(CityGovUser user) {
        super(user.grants().stream().map(g -> new SimpleGrantedAuthority(g.permission())).collect(Collectors.toSet()));
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public CityGovUser user() {
        return user;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return this;
    }

    @Override
    public String getName() {
        return user.username();
    }
}
