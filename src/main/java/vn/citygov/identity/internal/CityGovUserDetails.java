package vn.citygov.identity.internal;

import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import vn.citygov.platform.security.CityGovPrincipal;
import vn.citygov.platform.security.CityGovUser;

/** The principal of a password login; authorities are the user's permissions. */
public record CityGovUserDetails(CityGovUser user) implements UserDetails, CityGovPrincipal {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return user.grants().stream().map(g -> new SimpleGrantedAuthority(g.permission())).collect(Collectors.toSet());
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return user.username();
    }
}
