package vn.citygov.demo;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.citygov.identity.AccountService;
import vn.citygov.identity.AccountService.RoleGrant;
import vn.citygov.identity.NewUser;
import vn.citygov.platform.security.CityGovUser.UserKind;
import vn.citygov.platform.text.TextFolding;

/**
 * Loads the demo accounts (password {@value #PASSWORD}) and, through each module, its demo records.
 * Runs once: a database that already has the demo administrator is left as it is.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "citygov.demo.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

    static final String PASSWORD = "citygov-demo";
    /** Phường Sài Gòn and Phường Bến Thành: two neighbouring wards, to show that scopes keep them apart. */
    static final String SAI_GON_COMMITTEE = "ubnd-26740";
    static final String BEN_THANH_COMMITTEE = "ubnd-26743";

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final AccountService accounts;
    private final List<DemoContributor> contributors;
    private final TransactionTemplate transactions;
    private final DemoSize size;

    DemoDataLoader(AccountService accounts, org.springframework.beans.factory.ObjectProvider<DemoContributor> contributors, TransactionTemplate transactions,
            @Value("${citygov.demo.size:small}") String size) {
        this.accounts = accounts;
        this.contributors = contributors.orderedStream().toList();
        this.transactions = transactions;
        this.size = DemoSize.parse(size);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.userCount() > 0) {
            log.info("Demo data already present; leaving it as it is");
            return;
        }
        long started = System.nanoTime();
        log.info("Loading demo data (size {})", size);
        for (DemoContributor contributor : contributors) {
            transactions.executeWithoutResult(tx -> contributor.load(size));
        }
        transactions.executeWithoutResult(tx -> loadAccounts());
        log.info("Demo data loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private void loadAccounts() {
        String hash = accounts.hash(PASSWORD);
        open(hash, "admin", "Quản trị Thành phố", UserKind.CITY_ADMIN, RoleGrant.citywide("CITY_ADMIN"));
        open(hash, "canbo", "Nguyễn Thị Lan", UserKind.OFFICIAL, RoleGrant.inAgency("OFFICIAL", SAI_GON_COMMITTEE));
        open(hash, "quantri.saigon", "Trần Văn Minh", UserKind.AGENCY_ADMIN,
                RoleGrant.inAgency("AGENCY_ADMIN", SAI_GON_COMMITTEE), RoleGrant.inAgency("OFFICIAL", SAI_GON_COMMITTEE));
        open(hash, "quantri.benthanh", "Lê Thị Hạnh", UserKind.AGENCY_ADMIN,
                RoleGrant.inAgency("AGENCY_ADMIN", BEN_THANH_COMMITTEE), RoleGrant.inAgency("OFFICIAL", BEN_THANH_COMMITTEE));
        open(hash, "congdan", "Phạm Minh Tuấn", UserKind.CITIZEN, RoleGrant.citywide("CITIZEN"));
        open(hash, "doanhnghiep", "Võ Ngọc Anh", UserKind.BUSINESS, RoleGrant.citywide("BUSINESS"));

        VietnameseNames names = new VietnameseNames(20250701L);
        List<String> committees = new ArrayList<>();
        for (DemoContributor contributor : contributors) {
            committees.addAll(contributor.wardCommittees());
        }
        for (String committee : committees) {
            for (int i = 1; i <= size.officialsPerWard(); i++) {
                String name = names.next();
                open(hash, "cb." + committee.replace("ubnd-", "") + "." + i, name, UserKind.OFFICIAL,
                        RoleGrant.inAgency("OFFICIAL", committee));
            }
        }
        for (int i = 1; i <= size.citizens(); i++) {
            String name = names.next();
            open(hash, "cd." + slug(name) + "." + i, name, UserKind.CITIZEN, RoleGrant.citywide("CITIZEN"));
        }
    }

    private void open(String hash, String username, String displayName, UserKind kind, RoleGrant... roles) {
        accounts.open(new NewUser(username, displayName, username + "@demo.citygov.vn", null, kind), hash, true,
                List.of(roles));
    }

    static String slug(String name) {
        return TextFolding.fold(name).replaceAll("[^a-z0-9]+", "");
    }
}
