package vn.citygov.bench;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import vn.citygov.CityGovApplication;
import vn.citygov.dossiers.Dossier;
import vn.citygov.dossiers.DossierAction;
import vn.citygov.dossiers.DossierService;
import vn.citygov.dossiers.NewDossier;
import vn.citygov.dossiers.internal.DossierAttachments;
import vn.citygov.files.FileService;
import vn.citygov.files.SampleFiles;
import vn.citygov.files.StoredFile;
import vn.citygov.procedures.Procedure;
import vn.citygov.procedures.ProcedureService;
import vn.citygov.platform.security.ApiCredentials;
import vn.citygov.platform.security.CityGovAuthentication;
import vn.citygov.platform.security.CityGovUser;

/**
 * The full dossier lifecycle (submit → accept → claim and forward by the specialist → approval → result →
 * return) through the service layer, with history, audit and events on, over a table that already holds many
 * dossiers; against the bare SQL statements of the same lifecycle in the same run; then the work queue's
 * response time at that size. Run by {@code bench/lifecycle.sh}, which passes the options below as system properties.
 */
public final class LifecycleBenchmark {

    // A ward procedure on the standard workflow (desk → specialist → head → result → return) whose documents
    // are the e-form and registry data: the figure measures the workflow, not copying uploads. Procedures with
    // required uploads take one file upload per document more (see documents()).
    private static final String PROCEDURE = "2.000575";
    private static final String UNIT = "26740";
    private static final String AGENCY = "ubnd-" + UNIT;
    private static final List<String> STEPS = List.of("accept", "claim", "forward", "approve", "issue_result",
            "return_result");

    private LifecycleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long dossiers = Long.getLong("bench.dossiers", 1_000_000);
        int workers = Integer.getInteger("bench.workers", 4);
        int seconds = Integer.getInteger("bench.seconds", 20);
        boolean durable = Boolean.getBoolean("bench.durable");
        String dir = System.getProperty("bench.dir", "bench/out/lifecycle");
        boolean statements = Boolean.getBoolean("bench.statements");

        ConfigurableApplicationContext app = start(dir, durable, statements);
        try {
            postmaster = java.nio.file.Files.readAllLines(java.nio.file.Path.of(dir, "pg", "postmaster.pid"))
                    .getFirst().strip();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            System.out.printf("PostgreSQL: fsync=%s synchronous_commit=%s%n",
                    jdbc.sql("SHOW fsync").query(String.class).single(),
                    jdbc.sql("SHOW synchronous_commit").query(String.class).single());

            long t0 = System.nanoTime();
            generate(jdbc, dossiers);
            System.out.printf("Generated %,d dossiers in %.1f s%n", dossiers, (System.nanoTime() - t0) / 1e9);

            Map<String, String> rows = new LinkedHashMap<>();
            double sql = run("bare SQL", workers, seconds, () -> bareSql(app));
            java.sql.Timestamp serviceStart = statements ? resetStatements(jdbc) : null;
            Map<String, long[]> maintenanceBefore = statements ? maintenance(jdbc) : null;
            double service = run("service layer", workers, seconds, () -> lifecycle(app));
            if (statements) {
                printMaintenance(maintenanceBefore, maintenance(jdbc));
                printStatements(jdbc, serviceStart);
                printPrepared(app.getBean(javax.sql.DataSource.class));
            }
            rows.put("bare SQL statements of a lifecycle (lifecycles/s)", String.format(Locale.ROOT, "%.1f", sql));
            rows.put("service-layer lifecycles/s", String.format(Locale.ROOT, "%.1f", service));
            rows.put("service / bare SQL", String.format(Locale.ROOT, "%.3f", service / sql));

            String token = token(port, "canbo");
            double[] api = latencies(port, "/api/v1/dossiers?agency=" + AGENCY, HTTP, token, 200);
            double[] page = latencies(port, "/work-queue", sessionOf(port, "canbo"), null, 200);
            rows.put("work queue API p50 / p95 ms", String.format(Locale.ROOT, "%.1f / %.1f", api[0], api[1]));
            rows.put("work queue page p50 / p95 ms", String.format(Locale.ROOT, "%.1f / %.1f", page[0], page[1]));
            long inAgency = jdbc.sql("SELECT count(*) FROM dossiers_dossier WHERE agency_code = :a")
                    .param("a", AGENCY).query(Long.class).single();
            long total = jdbc.sql("SELECT count(*) FROM dossiers_dossier").query(Long.class).single();
            rows.put("dossiers in table / in the queue's agency", String.format("%,d / %,d", total, inAgency));

            System.out.printf("%n| measure (fsync %s, %d workers, %d s) | value |%n|---|---:|%n", durable ? "on" : "off",
                    workers, seconds);
            rows.forEach((k, v) -> System.out.printf("| %s | %s |%n", k, v));
        } finally {
            app.close();
        }
    }

    /** CityGov with the small demo on a fresh embedded PostgreSQL under {@code dir}, on a free port. */
    static ConfigurableApplicationContext start(String dir, boolean durable, boolean statements) {
        // As command-line arguments: they win over application.properties.
        return new SpringApplicationBuilder(CityGovApplication.class).run(
                "--server.port=0",
                "--citygov.db.embedded.settings.shared_preload_libraries=" + (statements ? "pg_stat_statements" : ""),
                // plans per statement too: a statement planned on every call is not using a prepared plan
                "--citygov.db.embedded.settings.pg_stat_statements.track_planning=" + (statements ? "on" : "off"),
                "--citygov.db.embedded.data-directory=" + dir + "/pg",
                "--citygov.db.embedded.clean=true",
                "--citygov.db.embedded.durable=" + durable,
                "--citygov.files.directory=" + dir + "/files",
                "--citygov.demo.enabled=true",
                "--citygov.demo.size=small",
                "--spring.mail.host=",
                "--logging.level.root=WARN");
    }

    /** Starts counting statements from here; returns the database's clock at the start. */
    private static java.sql.Timestamp resetStatements(JdbcClient jdbc) {
        jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
        jdbc.sql("SELECT pg_stat_statements_reset()").query().singleValue();
        return jdbc.sql("SELECT now()").query(java.sql.Timestamp.class).single();
    }

    /** Per table: rows inserted, updated (of them HOT), deleted, and automatic vacuums and analyses so far. */
    private static Map<String, long[]> maintenance(JdbcClient jdbc) {
        Map<String, long[]> tables = new java.util.TreeMap<>();
        jdbc.sql("SELECT pg_stat_clear_snapshot()").query().singleValue();
        jdbc.sql("""
                SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del, autovacuum_count, autoanalyze_count
                FROM pg_stat_user_tables
                """).query((rs, n) -> tables.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)})).list();
        return tables;
    }

    /**
     * What the service-layer run wrote to each table and how often autovacuum visited it meanwhile: updates that
     * are not HOT rewrite every index, and an automatic ANALYZE samples the whole table.
     */
    private static void printMaintenance(Map<String, long[]> before, Map<String, long[]> after) {
        System.out.printf("%nTables written during the service-layer run%n"
                + "| table | inserted | updated | of them HOT | deleted | autovacuums | autoanalyzes |%n"
                + "|---|---:|---:|---:|---:|---:|---:|%n");
        after.forEach((table, a) -> {
            long[] b = before.getOrDefault(table, new long[a.length]);
            long[] d = new long[a.length];
            for (int i = 0; i < a.length; i++) {
                d[i] = a[i] - b[i];
            }
            if (d[0] + d[1] + d[3] + d[4] + d[5] > 0) {
                System.out.printf("| %s | %,d | %,d | %,d | %,d | %d | %d |%n", table, d[0], d[1], d[2], d[3], d[4],
                        d[5]);
            }
        });
    }

    /**
     * The statements run since the reset, per completed lifecycle (the work in progress and the listeners' backlog
     * at the end make it approximate): where the database's time goes.
     */
    private static void printStatements(JdbcClient jdbc, java.sql.Timestamp since) {
        long lifecycles = jdbc.sql("SELECT count(*) FROM dossiers_dossier WHERE submitted_at >= :t AND state = 'returned'")
                .param("t", since).query(Long.class).single();
        System.out.printf("%nStatements per lifecycle (%,d lifecycles since the reset)%n", lifecycles);
        System.out.printf("| calls/lifecycle | plans/lifecycle | planning ms/lifecycle | ms/lifecycle | rows/call | statement |%n"
                + "|---:|---:|---:|---:|---:|---|%n");
        double[] total = {0, 0, 0};
        jdbc.sql("""
                SELECT calls, plans, total_plan_time, total_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g') AS q
                FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                ORDER BY total_exec_time DESC
                """).query((rs, n) -> {
                    double calls = rs.getLong("calls") / (double) lifecycles;
                    double ms = rs.getDouble("total_exec_time") / lifecycles;
                    total[0] += calls;
                    total[1] += ms;
                    total[2] += rs.getDouble("total_plan_time") / lifecycles;
                    if (n < 60) {
                        String q = rs.getString("q");
                        System.out.printf(Locale.ROOT, "| %.2f | %.2f | %.3f | %.3f | %.1f | %s |%n", calls,
                                rs.getLong("plans") / (double) lifecycles,
                                rs.getDouble("total_plan_time") / lifecycles, ms,
                                rs.getLong("rows") / Math.max(1.0, rs.getLong("calls")),
                                q.length() > 160 ? q.substring(0, 160) + "…" : q);
                    }
                    return null;
                }).list();
        System.out.printf(Locale.ROOT, "| %.1f | | %.2f | %.2f | | all statements |%n", total[0], total[2], total[1]);
    }

    /**
     * The server-side prepared statements of every pooled connection, summed by statement: how often each was
     * planned for its own parameters (custom) rather than reusing its generic plan, and how many connections
     * hold it. A statement missing here is parsed and planned on every call.
     */
    private static void printPrepared(javax.sql.DataSource pool) throws java.sql.SQLException {
        List<java.sql.Connection> held = new ArrayList<>();
        Map<String, long[]> byStatement = new java.util.TreeMap<>();
        try {
            for (int i = 0; i < 20; i++) {
                java.sql.Connection c = pool.getConnection();
                held.add(c);
                try (var rs = c.createStatement().executeQuery(
                        "SELECT regexp_replace(statement, '\\s+', ' ', 'g') || ' ' || parameter_types::text, generic_plans, "
                                + "custom_plans FROM pg_prepared_statements")) {
                    while (rs.next()) {
                        String q = rs.getString(1);
                        long[] sums = byStatement.computeIfAbsent(q.length() > 150
                                ? q.substring(0, 70) + " … " + q.substring(q.length() - 80) : q, k -> new long[3]);
                        sums[0] += rs.getLong(2);
                        sums[1] += rs.getLong(3);
                        sums[2]++;
                    }
                }
            }
        } finally {
            for (java.sql.Connection c : held) {
                c.close();
            }
        }
        System.out.printf("%nPrepared statements of the pool's connections%n| generic plans | custom plans | connections | statement |%n|---:|---:|---:|---|%n");
        byStatement.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0] + b.getValue()[1],
                a.getValue()[0] + a.getValue()[1])).limit(40)
                .forEach(e -> System.out.printf("| %d | %d | %d | %s |%n", e.getValue()[0], e.getValue()[1],
                        e.getValue()[2], e.getKey()));
    }

    /**
     * Dossiers spread over the ward committees and the catalogue's ward procedures, in various states, each with
     * its first history lines and its five steps.
     */
    private static void generate(JdbcClient jdbc, long count) {
        long batch = 200_000;
        for (long from = 1; from <= count; from += batch) {
            long to = Math.min(count, from + batch - 1);
            jdbc.sql("""
                    WITH wards AS (SELECT array_agg(code ORDER BY code) AS codes,
                                          array_agg(admin_unit_code ORDER BY code) AS units
                                     FROM directory_agency WHERE kind = 'ward_committee'),
                         procs AS (SELECT array_agg(code ORDER BY code) AS codes FROM procedures_procedure
                                    WHERE level = 'ward')
                    INSERT INTO dossiers_dossier (code, procedure_code, agency_code, admin_unit_code, applicant_name,
                        submitted_by, channel, state, delivery, processing_days, submitted_at, received_at, due_at,
                        finished_at, overdue_notified_at)
                    SELECT 'H29-' || to_char(t, 'YYMMDD') || '-' || lpad(g::text, 7, '0') || '-'
                               || upper(translate(lpad(to_hex(g * 7919 % 1048576), 5, '0'), '01', 'QR')),
                           procs.codes[1 + g % cardinality(procs.codes)],
                           wards.codes[1 + g % cardinality(wards.codes)], wards.units[1 + g % cardinality(wards.codes)],
                           'Người nộp ' || g, 'bench', 'counter', st, 'desk', 5, t, t, t + interval '7 days',
                           CASE WHEN st = 'returned' THEN t + interval '6 days' END,
                           -- announced overdue when it was, as by a watch that has always been running
                           CASE WHEN st <> 'returned' AND t + interval '7 days' < now() THEN t + interval '7 days' END
                    FROM generate_series(:from, :to) AS g
                    CROSS JOIN LATERAL (SELECT now() - (g % 20000) * interval '1 hour' AS t,
                        (ARRAY['accepted', 'in_progress', 'approved', 'returned', 'returned', 'returned',
                               'returned', 'returned'])[1 + g % 8] AS st) AS x
                    CROSS JOIN wards CROSS JOIN procs
                    """).param("from", from).param("to", to).update();
        }
        // Their history and steps too, as a database holding a million dossiers holds theirs: otherwise those tables
        // start nearly empty and grow only from the run, and plans made for tiny tables fit nothing real.
        long first = jdbc.sql("SELECT min(id) FROM dossiers_dossier WHERE submitted_by = 'bench'").query(Long.class)
                .single();
        long last = jdbc.sql("SELECT max(id) FROM dossiers_dossier WHERE submitted_by = 'bench'").query(Long.class)
                .single();
        for (long from = first; from <= last; from += batch) {
            jdbc.sql("""
                    INSERT INTO dossiers_history (dossier_id, at, actor, actor_name, action, from_state, to_state)
                    SELECT d.id, d.submitted_at + h.n * interval '1 hour', 'bench', 'Cán bộ', h.action, h.from_state,
                           h.to_state
                      FROM dossiers_dossier d
                     CROSS JOIN (VALUES (0, 'submit', NULL, 'submitted'), (1, 'accept', 'submitted', 'accepted'))
                           AS h(n, action, from_state, to_state)
                     WHERE d.id >= :from AND d.id < :to AND d.submitted_by = 'bench'
                    """).param("from", from).param("to", from + batch).update();
            jdbc.sql("""
                    INSERT INTO dossiers_step (dossier_id, position, code, name, name_en, kind, permission,
                        agency_code, share, started_at, due_at, finished_at)
                    SELECT d.id, s.position, s.code, s.code, s.code, s.kind, s.permission, d.agency_code, s.share,
                           d.received_at, d.due_at, CASE WHEN d.state = 'returned' THEN d.finished_at END
                      FROM dossiers_dossier d
                     CROSS JOIN (VALUES (1, 'reception', 'reception', 'dossier.receive', 5),
                                        (2, 'specialist', 'processing', 'dossier.process', 60),
                                        (3, 'head', 'approval', 'dossier.approve', 25),
                                        (4, 'result', 'result', 'dossier.process', 5),
                                        (5, 'return', 'delivery', 'dossier.receive', 5))
                           AS s(position, code, kind, permission, share)
                     WHERE d.id >= :from AND d.id < :to AND d.submitted_by = 'bench'
                    """).param("from", from).param("to", from + batch).update();
        }
        jdbc.sql("VACUUM ANALYZE dossiers_dossier, dossiers_history, dossiers_step").update();
    }

    /** Runs the work on each worker for the given time after a short warm-up; returns completions per second. */
    private static double run(String name, int workers, int seconds, Work work) throws InterruptedException {
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(workers);
        for (int i = 0; i < workers; i++) {
            Thread.ofPlatform().name("bench-" + i).start(() -> {
                try {
                    while (!stop.get()) {
                        try {
                            work.once();
                            if (counting.get()) {
                                done.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            if (failed.incrementAndGet() == 1) {
                                e.printStackTrace();
                            }
                        }
                    }
                } finally {
                    finished.countDown();
                }
            });
        }
        Thread.sleep(10_000); // JIT warm-up, not counted
        counting.set(true);
        long start = System.nanoTime();
        long[] cpuBefore = cpuTicks();
        Thread.sleep(seconds * 1_000L);
        counting.set(false);
        long[] cpuAfter = cpuTicks();
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        finished.await();
        double rate = done.get() / elapsed;
        System.out.printf("%s: %,d lifecycles in %.1f s = %.1f/s (%d failed)%n", name, done.get(), elapsed, rate,
                failed.get());
        if (cpuBefore != null && cpuAfter != null && done.get() > 0) {
            // Linux counts CPU in ticks of 10 ms: ms per lifecycle = ticks × 10 / lifecycles.
            double n = done.get();
            System.out.printf(Locale.ROOT, "%s: CPU per lifecycle %.2f ms in CityGov (%.2f in the kernel), %.2f ms in "
                    + "PostgreSQL (%.2f in the kernel)%n", name, (cpuAfter[0] - cpuBefore[0]) * 10.0 / n,
                    (cpuAfter[2] - cpuBefore[2]) * 10.0 / n, (cpuAfter[1] - cpuBefore[1]) * 10.0 / n,
                    (cpuAfter[3] - cpuBefore[3]) * 10.0 / n);
        }
        return rate;
    }

    /** The process id of this benchmark's PostgreSQL server: other PostgreSQL servers on the machine are not counted. */
    private static String postmaster = "";

    /**
     * CPU ticks used so far by this JVM and by this benchmark's PostgreSQL (server and its children), then their
     * kernel time (from /proc; null elsewhere), to show which side a lifecycle's time goes to. Backends that exit in
     * between are not counted: the pool keeps them.
     */
    private static long[] cpuTicks() {
        try (var dirs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            long self = ProcessHandle.current().pid();
            long[] ticks = new long[4]; // CityGov, PostgreSQL; then the kernel's share of each
            dirs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(d -> {
                try {
                    String stat = java.nio.file.Files.readString(d.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long system = Long.parseLong(f[12]);
                    long used = Long.parseLong(f[11]) + system; // utime + stime
                    if (Long.parseLong(d.getFileName().toString()) == self) {
                        ticks[0] += used;
                        ticks[2] += system;
                    } else if (comm.startsWith("postgres") && (d.getFileName().toString().equals(postmaster)
                            || f[1].equals(postmaster))) { // f[1] is the parent's process id
                        ticks[1] += used;
                        ticks[3] += system;
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            });
            return ticks;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    @FunctionalInterface
    private interface Work {
        void once();
    }

    private static final ThreadLocal<CityGovUser[]> USERS = new ThreadLocal<>();

    private static void lifecycle(ConfigurableApplicationContext app) {
        lifecycle(app, () -> { });
    }

    /** One full lifecycle as the citizen and the ward's official; {@code accepted} runs once acceptance committed. */
    static void lifecycle(ConfigurableApplicationContext app, Runnable accepted) {
        CityGovUser[] users = USERS.get();
        if (users == null) {
            ApiCredentials credentials = app.getBean(ApiCredentials.class);
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            users = new CityGovUser[] {
                    credentials.byAccessToken(token(port, "congdan")).orElseThrow(),
                    credentials.byAccessToken(token(port, "canbo")).orElseThrow()};
            USERS.set(users);
        }
        DossierService service = app.getBean(DossierService.class);
        act(users[0]);
        Dossier d = service.submit(new NewDossier(PROCEDURE, formValues(), "electronic", null, UNIT, null, null,
                documents(app)));
        act(users[1]);
        for (String step : STEPS) {
            d = service.act(d.id(), new DossierAction(step, d.version(), null, null, null));
            if ("accept".equals(step)) {
                accepted.run();
            }
        }
        SecurityContextHolder.clearContext();
    }

    /**
     * An online filing carries its required uploads. Each filing takes its file over (moved under the dossier),
     * so the citizen uploads a sample PDF per required document for every lifecycle, as a real applicant does.
     */
    private static List<NewDossier.DocumentRef> documents(ConfigurableApplicationContext app) {
        FileService files = app.getBean(FileService.class);
        List<Procedure.RequiredDocument> required = app.getBean(ProcedureService.class).get(PROCEDURE).documents();
        List<NewDossier.DocumentRef> refs = new ArrayList<>();
        for (int i = 0; i < required.size(); i++) {
            if (DossierAttachments.required(required.get(i))) {
                StoredFile file = files.upload(new ByteArrayInputStream(SampleFiles.pdf()), "giay-to.pdf", false);
                refs.add(new NewDossier.DocumentRef(i, file.id(), null));
            }
        }
        return refs;
    }

    private static void act(CityGovUser user) {
        SecurityContextHolder.getContext().setAuthentication(new CityGovAuthentication(user));
    }

    /**
     * The statements a lifecycle must write at the least, each step in its own transaction: the dossier row,
     * one history row, one audit row and one event-publication row per step.
     */
    private static void bareSql(ConfigurableApplicationContext app) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        TransactionTemplate tx = app.getBean(TransactionTemplate.class);
        Long id = tx.execute(s -> {
            long newId = jdbc.sql("""
                    INSERT INTO dossiers_dossier (procedure_code, agency_code, admin_unit_code, applicant_id,
                        applicant_name, submitted_by, channel, state, form_values, delivery, processing_days,
                        submitted_at, updated_at)
                    VALUES (:p, :a, :u, 1, 'Nguyễn Văn An', 'congdan', 'online', 'submitted', CAST(:v AS jsonb),
                        'electronic', 5, now(), now()) RETURNING id
                    """).param("p", PROCEDURE).param("a", AGENCY).param("u", UNIT)
                    .param("v", "{\"childName\":\"Nguyễn Văn Bình\"}").query(Long.class).single();
            record(jdbc, newId, "submit", "submitted");
            return newId;
        });
        String[] states = {"accepted", "in_progress", "in_progress", "approved", "result_issued", "returned"};
        for (int i = 0; i < STEPS.size(); i++) {
            String state = states[i];
            String step = STEPS.get(i);
            tx.executeWithoutResult(s -> {
                jdbc.sql("SELECT version FROM dossiers_dossier WHERE id = :id FOR UPDATE").param("id", id)
                        .query(Integer.class).single();
                jdbc.sql("UPDATE dossiers_dossier SET state = :s, version = version + 1, updated_at = now() "
                        + "WHERE id = :id").param("s", state).param("id", id).update();
                record(jdbc, id, step, state);
            });
        }
    }

    private static void record(JdbcClient jdbc, long id, String action, String state) {
        jdbc.sql("INSERT INTO dossiers_history (dossier_id, at, actor, action, to_state) VALUES (:id, now(), 'canbo', "
                + ":a, :s)").param("id", id).param("a", action).param("s", state).update();
        jdbc.sql("""
                INSERT INTO audit_entry (occurred_at, actor, object_type, object_id, action, changes)
                VALUES (now(), 'canbo', 'dossier', :id, :a, '{}')
                """).param("id", String.valueOf(id)).param("a", action).update();
        jdbc.sql("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
                    completion_date)
                VALUES (gen_random_uuid(), 'bench', 'bench', '{}', now(), now())
                """).update();
    }

    static Map<String, Object> formValues() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("applicantName", "Nguyễn Văn An");
        v.put("applicantIdNumber", "079090001234");
        v.put("registrationNumber", "41M8012345");
        v.put("changes", "Đổi địa điểm kinh doanh sang 12 Lê Lợi, phường Sài Gòn");
        return v;
    }

    private static String token(int port, String username) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"citygov-demo\"}")).build());
        return r.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    /** A client signed in to the pages through the login form, as a browser would be. */
    static HttpClient sessionOf(int port, String username) {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = send(client, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build())
                .body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
                .matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + username + "&password=citygov-demo&_csrf=" + csrf.group(1);
        HttpResponse<String> r = send(client, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.headers());
        }
        return client;
    }

    /** p50 and p95 in ms of {@code samples} sequential GETs after 20 unmeasured ones. */
    private static double[] latencies(int port, String path, HttpClient client, String token, int samples) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < samples + 20; i++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            long t = System.nanoTime();
            HttpResponse<String> r = send(client, b.GET().build());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " → " + r.statusCode() + " " + r.body());
            }
            if (i >= 20) {
                ms.add((System.nanoTime() - t) / 1e6);
            }
        }
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1]};
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> send(HttpRequest request) {
        return send(HTTP, request);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
