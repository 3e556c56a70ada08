package vn.citygov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.citygov.support.IntegrationTest;

/** Who holds a permission in an agency: through a role held there, enabled accounts only, city-wide roles left out. */
@IntegrationTest
class PermissionHoldersIntegrationTests {

    @Autowired
    AccountService accounts;

    @Test
    void theAgencysHoldersAreFoundThroughTheirRoles() {
        var coordinators = accounts.holdersOf("feedback.coordinate", "ubnd-26743");
        assertThat(coordinators).extracting(PermissionHolder::username).contains("quantri.benthanh")
                // the city admin holds it city-wide, the ward's officials not at all, Sài Gòn's admin elsewhere
                .doesNotContain("admin", "canbo", "quantri.saigon", "cb.26743.1");
        assertThat(coordinators).filteredOn(h -> h.username().equals("quantri.benthanh")).singleElement()
                .extracting(PermissionHolder::email).isEqualTo("quantri.benthanh@demo.citygov.vn");
        // OFFICIAL and AGENCY_ADMIN both grant feedback.handle: one row per account all the same.
        var handlers = accounts.holdersOf("feedback.handle", "ubnd-26743");
        assertThat(handlers).extracting(PermissionHolder::username).contains("quantri.benthanh").doesNotHaveDuplicates();
        assertThat(accounts.holdersOf("feedback.coordinate", null)).isEmpty();
        assertThat(accounts.holdersOf("no.such.permission", "ubnd-26743")).isEmpty();
        assertThat(accounts.holdersOf("feedback.coordinate", "khong-co")).isEmpty();
    }
}
