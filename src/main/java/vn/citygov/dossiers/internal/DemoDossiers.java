package vn.citygov.dossiers.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.citygov.dossiers.Dossier;
import vn.citygov.dossiers.DossierAction;
import vn.citygov.dossiers.DossierRating;
import vn.citygov.dossiers.DossierService;
import vn.citygov.dossiers.NewDossier;
import vn.citygov.dossiers.Workflow;
import vn.citygov.files.FileService;
import vn.citygov.identity.AccountService;
import vn.citygov.platform.error.CityGovException;
import vn.citygov.platform.security.CityGovAuthentication;
import vn.citygov.procedures.Procedure;
import vn.citygov.procedures.ProcedureService;

/**
 * Demo dossiers, so the demo's work queue, lookup and service-quality figures are not empty: a fixed set filed
 * and handled through {@link DossierService} by the demo accounts (history, audit and events are real) for the
 * demo ward (Phường Sài Gòn) and the Department of Justice, in every state that matters: submitted, supplement
 * requested, in progress at various steps, overdue, returned (most of them rated).
 *
 * <p>It needs the demo accounts, which the demo loader makes after the modules' demo records, so it runs after
 * that loader as a later runner rather than as a {@link vn.citygov.demo.DemoContributor}. It files only into an
 * empty dossier table: restarting a demo, or a database with real dossiers, is left as it is. Overdue dossiers
 * are the one shortcut: their deadlines are moved into the past, since a demo cannot wait for them to pass; the
 * overdue scan then announces them like any other.
 */
@Component
@Order(200)
@ConditionalOnProperty(name = {"citygov.demo.enabled", "citygov.demo.dossiers"}, havingValue = "true",
        matchIfMissing = false)
class DemoDossiers implements ApplicationRunner {

    static final String WARD_UNIT = "26740";
    static final String BIRTH = "1.001193";
    static final String JUDICIAL_RECORD = "2.000488";
    /**
     * The official actions that move a dossier on along any workflow, the step's own first. Claiming is left out:
     * it keeps the dossier where it is (an unclaimed step may be forwarded by any official of it).
     */
    private static final List<String> FORWARD = List.of("accept", "approve", "issue_result", "return_result",
            "forward", "start");
    private static final List<String> FAMILY = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi");
    private static final List<String> GIVEN = List.of("Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thị Hạnh",
            "Gia Huy", "Ngọc Lan", "Đức Minh", "Thu Trang", "Hữu Phước");
    private static final byte[] PDF = """
            %PDF-1.4
            1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
            2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
            trailer << /Root 1 0 R >>
            %%EOF
            """.getBytes(StandardCharsets.US_ASCII);

    private static final Logger log = LoggerFactory.getLogger(DemoDossiers.class);

    private final DossierService dossiers;
    private final ProcedureService procedures;
    private final FileService files;
    private final AccountService accounts;
    private final JdbcClient jdbc;
    private final int count;

    DemoDossiers(DossierService dossiers, ProcedureService procedures, FileService files, AccountService accounts,
            JdbcClient jdbc, @Value("${citygov.demo.size:small}") String size) {
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.files = files;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.count = count(size);
    }

    /** How many dossiers a demo size (citygov.demo.size) files: enough to fill a queue, few enough to start quickly. */
    static int count(String size) {
        return switch (size == null ? "" : size.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "medium" -> 100;
            case "large" -> 200;
            default -> 50;
        };
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM dossiers_dossier)").query(Boolean.class).single()) {
            return;
        }
        if (accounts.enabledUser("canbo").isEmpty() || accounts.enabledUser("admin").isEmpty()) {
            log.info("No demo accounts; no demo dossiers");
            return;
        }
        long started = System.nanoTime();
        int n = count;
        try {
            for (int i = 0; i < n; i++) {
                file(i);
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        log.info("Filed {} demo dossiers in {} ms", n, (System.nanoTime() - started) / 1_000_000);
    }

    /** One demo dossier: every fifth for the department, the rest for the ward; its fate follows from i. */
    private void file(int i) {
        boolean department = i % 5 == 4;
        boolean online = i % 3 != 0 || department;
        String applicant = "congdan";
        String name = FAMILY.get(i % FAMILY.size()) + " " + GIVEN.get(i / FAMILY.size() % GIVEN.size());
        String code = department ? JUDICIAL_RECORD : BIRTH;
        Dossier d;
        if (online) {
            as(applicant);
            d = dossiers.submit(new NewDossier(code, department ? judicialValues(name) : birthValues(name),
                    "electronic", null, department ? null : WARD_UNIT, "online", null, documents(code)));
        } else {
            as("canbo");
            d = dossiers.submit(new NewDossier(code, birthValues(name), "desk", null, WARD_UNIT, "counter", name));
        }
        switch (i % 10) {
            case 0, 1 -> { } // waiting for the desk's completeness check
            case 2 -> {
                as(department ? "admin" : "canbo");
                dossiers.act(d.id(), new DossierAction("request_supplement", d.version(),
                        "Bản chụp giấy chứng sinh không đọc được", List.of("Giấy chứng sinh (bản chụp rõ nét)"), null));
            }
            case 3, 4, 5 -> {
                forward(d.id(), 1 + i % 4);
                // Some are taken by the ward's official, for the demo's "my work".
                if (i % 2 == 1 && !department) {
                    as("canbo");
                    Dossier now = dossiers.get(d.id());
                    try {
                        dossiers.act(d.id(), new DossierAction("claim", now.version(), null, null, null));
                    } catch (CityGovException e) {
                        log.debug("Demo dossier {} not claimed: {}", d.id(), e.code());
                    }
                }
            }
            case 6 -> {
                forward(d.id(), 2);
                // The appointment and the step's deadline passed a few days ago.
                jdbc.sql("""
                        UPDATE dossiers_dossier SET due_at = now() - make_interval(days => :days),
                               step_due_at = now() - make_interval(days => :days + 1)
                         WHERE id = :id AND state NOT IN ('returned', 'refused', 'withdrawn', 'stopped')
                        """).param("days", 1 + i % 5).param("id", d.id()).update();
            }
            default -> {
                Dossier returned = forward(d.id(), 20);
                if (online && i % 10 != 9 && Workflow.RETURNED.equals(returned.state())) {
                    as(applicant);
                    dossiers.rate(d.id(), new DossierRating(3 + i % 3, i % 2 == 0 ? "Cán bộ hướng dẫn tận tình." : null));
                }
            }
        }
    }

    /**
     * Takes up to {@code moves} official actions along the dossier's workflow, each by the ward's desk official
     * when allowed, else by the city administrator (department dossiers, approval steps).
     */
    private Dossier forward(long id, int moves) {
        as("canbo");
        Dossier d = null;
        for (int m = 0; m < moves; m++) {
            Dossier next = null;
            for (String user : List.of("canbo", "admin")) {
                as(user);
                Dossier current = read(id);
                if (current == null) {
                    continue;
                }
                d = current;
                for (String action : FORWARD) {
                    if (current.actions().contains(action)) {
                        try {
                            next = dossiers.act(id, new DossierAction(action, current.version(), null, null, null));
                            break;
                        } catch (CityGovException e) {
                            // Not this official's step: the next one takes it.
                        }
                    }
                }
                if (next != null) {
                    break;
                }
            }
            if (next == null) {
                break;
            }
            d = next;
        }
        return d;
    }

    private Dossier read(long id) {
        try {
            return dossiers.get(id);
        } catch (CityGovException e) {
            return null;
        }
    }

    /** A sample PDF, uploaded by the applicant, for each required upload document of the procedure. */
    private List<NewDossier.DocumentRef> documents(String procedureCode) {
        Procedure p = procedures.get(procedureCode);
        List<NewDossier.DocumentRef> refs = new ArrayList<>();
        for (int i = 0; i < p.documents().size(); i++) {
            if (DossierAttachments.required(p.documents().get(i))) {
                var file = files.upload(new ByteArrayInputStream(PDF), "giay-to-" + (i + 1) + ".pdf", false);
                refs.add(new NewDossier.DocumentRef(i, file.id(), null));
            }
        }
        return refs;
    }

    private static Map<String, Object> birthValues(String applicant) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("applicantName", applicant);
        v.put("applicantIdNumber", "079090001234");
        v.put("applicantPhone", "0901234567");
        v.put("applicantAddress", Map.of("adminUnitCode", WARD_UNIT, "street", "12 Lê Lợi"));
        v.put("relation", "parent");
        v.put("childName", applicant.split(" ")[0] + " Gia Bảo");
        v.put("childBirthDate", "2026-10-01");
        v.put("childSex", "male");
        v.put("birthPlace", Map.of("adminUnitCode", WARD_UNIT, "street", "Bệnh viện Từ Dũ"));
        v.put("motherName", "Trần Thị Cúc");
        v.put("motherIdNumber", "079190005678");
        return v;
    }

    private static Map<String, Object> judicialValues(String applicant) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("applicantName", applicant);
        v.put("applicantIdNumber", "079190001111");
        v.put("applicantPhone", "0909000111");
        v.put("applicantAddress", Map.of("adminUnitCode", WARD_UNIT, "street", "1 Nguyễn Huệ"));
        v.put("birthDate", "1990-01-01");
        v.put("sex", "female");
        v.put("certificateKind", "1");
        v.put("copies", 1);
        return v;
    }

    private void as(String username) {
        SecurityContextHolder.getContext().setAuthentication(
                new CityGovAuthentication(accounts.enabledUser(username).orElseThrow()));
    }
}
