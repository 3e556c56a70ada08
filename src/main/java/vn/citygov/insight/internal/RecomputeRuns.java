package vn.citygov.insight.internal;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;
import vn.citygov.platform.security.CurrentUser;

/**
 * Full recomputes started from the administration page or the API without waiting for them: on the city's
 * data one takes minutes, longer than a browser or a proxy waits for an answer. One runs at a time per node
 * (a second start while one runs answers that run), as the administrator who started it, and the last run's
 * outcome stays readable until the next one. Nodes sharing a database are kept apart by the recompute's lock.
 */
@Component
public class RecomputeRuns {

    private static final Logger log = LoggerFactory.getLogger(RecomputeRuns.class);

    public enum State { RUNNING, DONE, FAILED }

    /** A recompute: who started it and when, and once it ended its result or why it failed. */
    public record Run(State state, String startedBy, Instant startedAt, Instant finishedAt,
            FactIngestion.Recompute result, String error) {
    }

    private final FactIngestion ingestion;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("insight-recompute").daemon().factory());
    private volatile Run last;

    RecomputeRuns(FactIngestion ingestion, Clock clock) {
        this.ingestion = ingestion;
        this.clock = clock;
    }

    /** Starts a recompute unless one is running; answers the run started, or the one already running. */
    public synchronized Run start() {
        Run running = last;
        if (running != null && running.state() == State.RUNNING) {
            return running;
        }
        Run run = new Run(State.RUNNING, CurrentUser.name(), clock.instant(), null, null, null);
        last = run;
        // The starter's identity goes with the work, so the audit trail names them.
        executor.execute(new DelegatingSecurityContextRunnable(() -> finish(run)));
        return run;
    }

    private void finish(Run run) {
        Run ended;
        try {
            FactIngestion.Recompute result = ingestion.recompute();
            ended = new Run(State.DONE, run.startedBy(), run.startedAt(), clock.instant(), result, null);
        } catch (RuntimeException e) {
            log.error("Full recompute of the index failed", e);
            ended = new Run(State.FAILED, run.startedBy(), run.startedAt(), clock.instant(), null,
                    e.getClass().getSimpleName());
        }
        synchronized (this) {
            last = ended;
        }
    }

    /** The run in progress or the last one, if any since this node started. */
    public Optional<Run> last() {
        return Optional.ofNullable(last);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
