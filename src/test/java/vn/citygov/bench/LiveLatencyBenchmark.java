package vn.citygov.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.citygov.insight.InsightFact;
import vn.citygov.insight.internal.FactIngestion;

/**
 * Event-to-screen latency of the operations-centre dashboard under a sustained load: workers record
 * {@code bench.rate} dossier facts a second for {@code bench.seconds} through the ingestion path (the same call
 * the dossier and feedback adapters make: fact log, daily and monthly counters, open item, one transaction each)
 * while a client signed in as a browser would be streams {@code /ioc/stream} (server-sent events). Every fact
 * adds one to the "received today" tile, so the n-th committed fact is in the first push whose tile has grown
 * by n; the latency of a fact is that push's arrival minus the fact's commit, both on this JVM's clock.
 *
 * <p>With {@code bench.source=dossiers} the events come from real dossiers instead: workers run full lifecycles
 * through the dossier service (submit, accept, claim, forward, approve, issue, return: seven dossier events each,
 * with history, audit, outbox and notifications), paced so that {@code bench.rate} dossier events a second are
 * committed; the tile then grows with each acceptance, so the latency measured is that of the acceptance's commit
 * through the event outbox, the index ingestion and the push. Run by {@code bench/live-latency.sh}.
 */
public final class LiveLatencyBenchmark {

    /** Events of one lifecycle: submitted, accepted, claimed, forwarded, approved, result issued, returned. */
    private static final int DOSSIER_EVENTS = 7;

    private static final Pattern RECEIVED_TODAY = Pattern.compile("\"receivedToday\":(\\d+)");

    private LiveLatencyBenchmark() {
    }

    record Push(long nanos, long receivedToday) {
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("bench.rate", 1000);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int workers = Integer.getInteger("bench.workers", 4);
        ConfigurableApplicationContext app = LifecycleBenchmark.start(
                System.getProperty("bench.dir", "bench/out/live-latency"), Boolean.getBoolean("bench.durable"), false);
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            FactIngestion ingestion = app.getBean(FactIngestion.class);
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            System.out.printf("PostgreSQL: fsync=%s synchronous_commit=%s; push interval %s ms%n",
                    jdbc.sql("SHOW fsync").query(String.class).single(),
                    jdbc.sql("SHOW synchronous_commit").query(String.class).single(),
                    app.getEnvironment().getProperty("citygov.insight.push-interval-ms", "300"));
            List<String[]> agencies = jdbc.sql("""
                    SELECT code, coalesce(admin_unit_code, '') FROM directory_agency ORDER BY code
                    """).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
            awaitQuiet(jdbc);

            List<Push> pushes = new CopyOnWriteArrayList<>();
            HttpClient browser = LifecycleBenchmark.sessionOf(port, "admin");
            HttpResponse<Stream<String>> stream = browser.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/ioc/stream")).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines());
            if (stream.statusCode() != 200) {
                throw new IllegalStateException("/ioc/stream → " + stream.statusCode());
            }
            Thread.ofPlatform().daemon().name("sse-client").start(() -> {
                try {
                    stream.body().forEach(line -> {
                        if (line.startsWith("data:")) {
                            long now = System.nanoTime();
                            Matcher m = RECEIVED_TODAY.matcher(line);
                            if (m.find()) {
                                pushes.add(new Push(now, Long.parseLong(m.group(1))));
                            }
                        }
                    });
                } catch (java.io.UncheckedIOException e) {
                    // the stream is closed when the measurement ends
                }
            });

            // a first fact, then its push sets the baseline of the tile
            ingestion.record(fact(agencies.getFirst()));
            long waitUntil = System.nanoTime() + 10_000_000_000L;
            while (pushes.isEmpty() && System.nanoTime() < waitUntil) {
                Thread.sleep(20);
            }
            if (pushes.isEmpty()) {
                throw new IllegalStateException("no dashboard push within 10 s");
            }
            Thread.sleep(1000);
            long baseline = pushes.getLast().receivedToday();

            boolean dossiers = "dossiers".equals(System.getProperty("bench.source", "facts"));
            // Dossier mode: each lifecycle is seven events and one acceptance (one step of the tile).
            int total = dossiers ? rate * seconds / DOSSIER_EVENTS : rate * seconds;
            AtomicLongArray committedAt = new AtomicLongArray(total + 1);
            AtomicLong tickets = new AtomicLong();
            AtomicLong committed = new AtomicLong();
            long start = System.nanoTime();
            double nanosPerFact = 1e9 / (dossiers ? rate / (double) DOSSIER_EVENTS : rate);
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                threads.add(Thread.ofPlatform().name("feeder-" + w).start(() -> {
                    long k;
                    while ((k = tickets.getAndIncrement()) < total) {
                        long due = start + (long) (k * nanosPerFact);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        if (dossiers) {
                            LifecycleBenchmark.lifecycle(app,
                                    () -> committedAt.set((int) committed.incrementAndGet(), System.nanoTime()));
                        } else {
                            ingestion.record(fact(agencies.get((int) (k % agencies.size()))));
                            long at = System.nanoTime();
                            committedAt.set((int) committed.incrementAndGet(), at);
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            double feedSeconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(3000);
            stream.body().close();

            List<Push> seen = new ArrayList<>(pushes);
            List<Double> latencies = new ArrayList<>();
            int missing = 0;
            for (int n = 1; n <= total; n++) {
                long commit = committedAt.get(n);
                Push first = null;
                for (Push p : seen) {
                    if (p.receivedToday() - baseline >= n && p.nanos() >= commit) {
                        first = p;
                        break;
                    }
                }
                if (first == null) {
                    missing++;
                } else {
                    latencies.add((first.nanos() - commit) / 1e6);
                }
            }
            double[] ms = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            long pushesDuringFeed = seen.stream().filter(p -> p.nanos() >= start).count();
            System.out.println();
            String unit = dossiers ? "dossier events" : "facts";
            System.out.printf(Locale.ROOT, "| %s | %s |%n|---|---:|%n", "event to screen (" + (dossiers
                    ? total + " dossier lifecycles, " + total * DOSSIER_EVENTS + " dossier events" : total + " facts")
                    + ", " + workers + " workers)", "figure");
            row("target rate (" + unit + "/s)", String.valueOf(rate));
            row("sustained rate (" + unit + " committed/s)", String.format(Locale.ROOT, "%.0f",
                    total * (dossiers ? DOSSIER_EVENTS : 1) / feedSeconds));
            row("dashboard pushes while feeding", pushesDuringFeed + String.format(Locale.ROOT, " (%.1f/s)",
                    pushesDuringFeed / feedSeconds));
            row("latency p50 (ms)", String.format(Locale.ROOT, "%.0f", pct(ms, 50)));
            row("latency p95 (ms)", String.format(Locale.ROOT, "%.0f", pct(ms, 95)));
            row("latency p99 (ms)", String.format(Locale.ROOT, "%.0f", pct(ms, 99)));
            row("latency max (ms)", String.format(Locale.ROOT, "%.0f", ms.length == 0 ? Double.NaN : ms[ms.length - 1]));
            row("facts never seen on screen", String.valueOf(missing));
        } finally {
            app.close();
        }
    }

    /** Waits until demo loading stops adding facts, so the tile moves only with ours. */
    private static void awaitQuiet(JdbcClient jdbc) throws InterruptedException {
        long last = -1;
        for (int i = 0; i < 300; i++) {
            long now = jdbc.sql("SELECT count(*) FROM insight_fact").query(Long.class).single();
            if (now == last && now > 0) {
                return;
            }
            last = now;
            Thread.sleep(2000);
        }
    }

    private static InsightFact fact(String[] agency) {
        Instant now = Instant.now();
        return new InsightFact(UUID.randomUUID(), "dossiers", "dossier.accepted", agency[0], agency[1], now, null,
                Map.of("dossier.received", 1L), new InsightFact.OpenState(UUID.randomUUID().toString(), false,
                        now.plusSeconds(7 * 86_400)));
    }

    private static double pct(double[] sorted, int p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.max(0, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    private static void row(String what, String figure) {
        System.out.printf("| %s | %s |%n", what, figure);
    }
}
