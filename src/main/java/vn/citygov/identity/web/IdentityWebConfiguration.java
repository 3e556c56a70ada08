package vn.citygov.identity.web;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.citygov.platform.security.PublicPaths;
import vn.citygov.platform.web.NavigationItem;

/** What identity opens to anonymous visitors, and its menu entries. */
@Configuration(proxyBeanMethods = false)
class IdentityWebConfiguration {

    @Bean
    PublicPaths identityPublicPaths() {
        return () -> List.of(
                new PublicPaths.Rule(org.springframework.http.HttpMethod.POST, "/api/v1/auth/token"),
                PublicPaths.Rule.any("/password/forgot"),
                PublicPaths.Rule.any("/password/reset"));
    }

    @Bean
    NavigationItem usersNavigation() {
        return NavigationItem.forPermission(80, "nav.users", "/admin/users", "identity.user.read");
    }

    @Bean
    NavigationItem apiKeysNavigation() {
        return NavigationItem.forPermission(85, "nav.api-keys", "/admin/api-keys", "identity.apikey.manage");
    }
}
