package vn.citygov.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.task.api.Task;

/**
 * The reference figure for CityGov's lifecycle benchmark: how many full dossier lifecycles per second Flowable
 * 7.2.0 drives on this machine, on the same embedded PostgreSQL 17 with CityGov's embedded settings, so that
 * {@code bench/lifecycle.sh --reference} can report CityGov's service-layer rate as a ratio to it.
 * A lifecycle is the process in {@code dossier.bpmn20.xml}: submit (start), accept, the specialist claims and
 * completes, the head of unit approves, the result is issued and returned, with history at "audit".
 * Run by {@code bench/flowable.sh}, which passes the options below as system properties.
 */
public final class FlowableReference {

    private static final String VERSION = "7.2.0";
    private static final String PROCESS = "dossier";
    private static final int WARM_UP_SECONDS = 10;

    /** One step of the lifecycle: the task, who does it, and the dossier's state once it is done. */
    private record Step(String task, String actor, String nextState, boolean claimed) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("accept", "desk-officer", "processing", false),
            new Step("process", "specialist", "awaiting_approval", true),
            new Step("approve", "head-of-unit", "approved", false),
            new Step("issueResult", "desk-officer", "result_issued", false),
            new Step("returnResult", "desk-officer", "returned", false));

    private static final AtomicLong BUSINESS_KEYS = new AtomicLong();

    private FlowableReference() {
    }

    public static void main(String[] args) throws Exception {
        long dossiers = Long.getLong("bench.dossiers", 0);
        int preloadLimit = Integer.getInteger("bench.preloadSeconds", 300);
        int workers = Integer.getInteger("bench.workers", 4);
        int seconds = Integer.getInteger("bench.seconds", 20);
        boolean durable = Boolean.getBoolean("bench.durable");
        Path dir = Path.of(System.getProperty("bench.dir", "bench/out/flowable-" + (durable ? "on" : "off")));

        EmbeddedPostgres postgres = startPostgres(dir.resolve("pg"), durable);
        HikariDataSource dataSource = null;
        ProcessEngine engine = null;
        try {
            dataSource = dataSource(postgres);
            System.out.printf("PostgreSQL: fsync=%s synchronous_commit=%s%n", show(dataSource, "fsync"),
                    show(dataSource, "synchronous_commit"));
            engine = engine(dataSource);
            engine.getRepositoryService().createDeployment().name("CityGov dossier")
                    .addClasspathResource("dossier.bpmn20.xml").deploy();

            if (dossiers > 0) {
                preload(engine, workers, dossiers, preloadLimit);
            }

            AtomicLong completed = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> threads = start(engine, workers, completed, failed, running::get);
            Thread.sleep(WARM_UP_SECONDS * 1000L);
            long c0 = completed.get();
            long f0 = failed.get();
            long[] cpu0 = cpuMillis(dir.resolve("pg"));
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long c1 = completed.get();
            long f1 = failed.get();
            long[] cpu1 = cpuMillis(dir.resolve("pg"));
            double elapsed = (System.nanoTime() - t0) / 1e9;
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
            if (f1 > f0) {
                System.out.printf("%,d lifecycles failed while measuring%n", f1 - f0);
            }
            if (c1 > c0) {
                // On a shared machine the rate moves with the load; the CPU a lifecycle costs moves much less.
                System.out.printf(Locale.ROOT, "CPU per lifecycle: %.1f ms in the engine's JVM, %.1f ms in PostgreSQL%n",
                        (cpu1[0] - cpu0[0]) / (double) (c1 - c0), (cpu1[1] - cpu0[1]) / (double) (c1 - c0));
            }
            System.out.printf(Locale.ROOT, "Flowable %s reference: %,d lifecycles in %.1f s = %.1f/s (fsync %s, %d workers, history audit)%n",
                    VERSION, c1 - c0, elapsed, (c1 - c0) / elapsed, durable ? "on" : "off", workers);
        } finally {
            if (engine != null) {
                engine.close();
            }
            if (dataSource != null) {
                dataSource.close();
            }
            postgres.close();
        }
    }

    /** PostgreSQL as CityGov's embedded database starts it (EmbeddedDatabaseConfiguration), on a fresh directory. */
    private static EmbeddedPostgres startPostgres(Path dataDirectory, boolean durable) throws IOException {
        dataDirectory = dataDirectory.toAbsolutePath();
        deleteRecursively(dataDirectory); // a run that was killed leaves its cluster behind
        Files.createDirectories(dataDirectory.getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(false)
                .setServerConfig("timezone", "UTC")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "256MB");
        if (durable) {
            // zonky turns these off for speed; the durable figure is the one a real deployment sees.
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        return builder.start();
    }

    private static HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(20); // CityGov's pool size
        config.setPoolName("flowable");
        return new HikariDataSource(config);
    }

    private static String show(DataSource dataSource, String setting) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Flowable's standalone engine with its own schema, history "audit" and no background job executor. */
    private static ProcessEngine engine(DataSource dataSource) {
        ProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration()
                .setDataSource(dataSource)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistoryLevel(HistoryLevel.AUDIT)
                .setAsyncExecutorActivate(false)
                // the process has no timers or async steps; a diagram is not needed either
                .setCreateDiagramOnDeploy(false);
        return configuration.buildProcessEngine();
    }

    /** Fills the engine's tables with finished lifecycles, so the measure runs on tables that are not empty. */
    private static void preload(ProcessEngine engine, int workers, long dossiers, int limitSeconds)
            throws InterruptedException {
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long t0 = System.nanoTime();
        long deadline = t0 + limitSeconds * 1_000_000_000L;
        // Workers may each finish the lifecycle they are in, so the count can pass the target by a few.
        List<Thread> threads = start(engine, workers, completed, failed,
                () -> completed.get() < dossiers && System.nanoTime() < deadline);
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.printf("Pre-loaded %,d finished dossiers in %.1f s%s%n", completed.get(), (System.nanoTime() - t0) / 1e9,
                completed.get() < dossiers ? " (time limit reached)" : "");
    }

    /** Starts {@code workers} threads that each run lifecycles one after the other while {@code keepGoing} holds. */
    private static List<Thread> start(ProcessEngine engine, int workers, AtomicLong completed, AtomicLong failed,
            BooleanSupplier keepGoing) {
        AtomicBoolean reported = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Thread thread = Thread.ofPlatform().name("worker-" + i).start(() -> {
                while (keepGoing.getAsBoolean()) {
                    try {
                        lifecycle(engine.getRuntimeService(), engine.getTaskService());
                        completed.incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        if (reported.compareAndSet(false, true)) {
                            System.err.println("First failed lifecycle: " + e);
                        }
                    }
                }
            });
            threads.add(thread);
        }
        return threads;
    }

    /** One dossier from submission to the returned result, each step in its own transaction as a user would. */
    private static void lifecycle(RuntimeService runtime, TaskService tasks) {
        Map<String, Object> form = new HashMap<>();
        form.put("applicantName", "Nguyễn Văn An");
        form.put("applicantIdNumber", "079201001234");
        form.put("registrationNumber", "0312345678");
        form.put("changes", "Thay đổi địa chỉ trụ sở chính");
        form.put("agencyCode", "ubnd-26740");
        form.put("state", "submitted");
        String businessKey = "BENCH-" + BUSINESS_KEYS.incrementAndGet();
        String id = runtime.startProcessInstanceByKey(PROCESS, businessKey, form).getId();
        for (Step step : STEPS) {
            Task task = tasks.createTaskQuery().processInstanceId(id).singleResult();
            if (task == null || !step.task().equals(task.getTaskDefinitionKey())) {
                throw new IllegalStateException("Dossier " + businessKey + " is not at " + step.task());
            }
            if (step.claimed()) {
                tasks.claim(task.getId(), step.actor());
            }
            tasks.complete(task.getId(), Map.of("state", step.nextState(), "actor", step.actor()));
        }
    }

    /**
     * CPU time used so far by this JVM and by this benchmark's PostgreSQL (the postmaster named in the data
     * directory and its backends, which the pool keeps open), in milliseconds.
     */
    private static long[] cpuMillis(Path dataDirectory) throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().trim());
        long database = ProcessHandle.of(postmaster).map(p -> Stream.concat(Stream.of(p), p.descendants())
                .mapToLong(FlowableReference::cpuMillis).sum()).orElse(0L);
        return new long[] {cpuMillis(ProcessHandle.current()), database};
    }

    private static long cpuMillis(ProcessHandle process) {
        return process.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
