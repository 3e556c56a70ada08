package vn.citygov.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.security.CityGovAuthentication;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CityGovUser.Grant;
import vn.citygov.platform.security.CityGovUser.UserKind;
import vn.citygov.support.IntegrationTest;

/**
 * The directory's permission table, role by action by ownership, checked in the services themselves
 * (whatever the way in: API, page or another module).
 *
 * <pre>
 * action                          city admin   admin of the agency   admin of another agency   official   citizen
 * create an agency                yes          no                    no                        no         no
 * edit an agency's details        yes          yes                   no                        no         no
 * move an agency (kind, parent)   yes          no                    no                        no         no
 * merge an agency                 yes          no                    no                        no         no
 * add / edit its handling points  yes          yes                   no                        no         no
 * </pre>
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryAccessRulesIntegrationTests {

    // An agency of the test's own, so that moving and editing it disturbs no other test.
    private static final String OWN = "rules-own-agency";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    AgencyService agencies;

    @Autowired
    HandlingPointService points;

    @BeforeAll
    void agencyAndPointToEdit() {
        as(cityAdmin());
        agencies.create(new NewAgency(OWN, "Ban kiểm tra quyền", null, "other", "ubnd-tphcm", null, null, null, null,
                null, null));
        points.create(new NewHandlingPoint("rules-point", OWN, "Điểm kiểm tra quyền", null, null, null, null, null, null));
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        Object[][] table = {
                // role,                 create, edit,  move,  merge, point
                {"city admin",           true,   true,  true,  true,  true},
                {"admin of the agency",  false,  true,  false, false, true},
                {"admin of another",     false,  false, false, false, false},
                {"official of the agency", false, false, false, false, false},
                {"citizen",              false,  false, false, false, false},
        };
        String[] actions = {"create", "edit", "move", "merge", "point"};
        for (Object[] row : table) {
            for (int i = 0; i < actions.length; i++) {
                cases.add(Arguments.of(row[0], actions[i], row[i + 1]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @MethodSource("cases")
    void onlyTheRightPeopleMayChangeTheDirectory(String role, String action, boolean allowed) {
        int n = SEQUENCE.incrementAndGet();
        // Each merge needs an agency of its own, made by the city beforehand.
        String victim = "rules-merge-" + n;
        if (action.equals("merge")) {
            as(cityAdmin());
            agencies.create(new NewAgency(victim, "Ban kiểm tra " + n, null, "other", "ubnd-tphcm", null, null, null,
                    null, null, null));
        }
        as(user(role));
        Runnable attempt = switch (action) {
            case "create" -> () -> agencies.create(new NewAgency("rules-new-" + n, "Ban mới " + n, null, "other",
                    null, null, null, null, null, null, null));
            case "edit" -> () -> {
                Agency a = agencies.get(OWN);
                agencies.update(OWN, new AgencyChanges(a.name(), a.nameEn(), a.kind(), a.parentCode(),
                        a.adminUnitCode(), "Số " + n + " đường kiểm tra", null, null, null, a.version()));
            };
            case "move" -> () -> {
                Agency a = agencies.get(OWN);
                String parent = "ubnd-tphcm".equals(a.parentCode()) ? "van-phong-ubnd" : "ubnd-tphcm";
                agencies.update(OWN, new AgencyChanges(a.name(), a.nameEn(), a.kind(), parent, a.adminUnitCode(),
                        a.address(), a.phone(), a.email(), a.website(), a.version()));
            };
            case "merge" -> () -> agencies.merge(victim, "van-phong-ubnd");
            case "point" -> () -> {
                HandlingPoint p = points.get("rules-point");
                points.update("rules-point", new HandlingPointChanges(p.name(), p.nameEn(), "Phòng " + n,
                        p.adminUnitCode(), null, null, p.workKinds(), true, p.version()));
            };
            default -> throw new IllegalArgumentException(action);
        };
        if (allowed) {
            attempt.run();
        } else {
            assertThatThrownBy(attempt::run).isInstanceOf(ForbiddenException.class);
        }
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNotNull();
    }

    private static CityGovUser user(String role) {
        return switch (role) {
            case "city admin" -> cityAdmin();
            case "admin of the agency" -> new CityGovUser(2, "rules-own", "Own", UserKind.AGENCY_ADMIN,
                    Set.of(new Grant("directory.edit", OWN), new Grant("directory.view-internal", OWN)));
            case "admin of another" -> new CityGovUser(3, "rules-other", "Other", UserKind.AGENCY_ADMIN,
                    Set.of(new Grant("directory.edit", "ubnd-26743"), new Grant("directory.view-internal", "ubnd-26743")));
            case "official of the agency" -> new CityGovUser(4, "rules-official", "Official", UserKind.OFFICIAL,
                    Set.of(new Grant("directory.view-internal", OWN)));
            default -> new CityGovUser(5, "rules-citizen", "Citizen", UserKind.CITIZEN, Set.of());
        };
    }

    private static CityGovUser cityAdmin() {
        return new CityGovUser(1, "rules-city", "City", UserKind.CITY_ADMIN, Set.of(new Grant("directory.edit", null),
                new Grant("directory.create", null), new Grant("directory.view-internal", null)));
    }

    private static void as(CityGovUser user) {
        SecurityContextHolder.getContext().setAuthentication(new CityGovAuthentication(user));
    }
}
