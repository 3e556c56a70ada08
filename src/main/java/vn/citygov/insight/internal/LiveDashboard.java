package vn.citygov.insight.internal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes the dashboard to open IOC pages by server-sent events. Recorded facts only mark it changed; a
 * single timer sends at most one update per interval (default 300 ms), so 1,000 events a second cost a few
 * dashboard computations a second, not a thousand.
 */
@Component
public class LiveDashboard implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveDashboard.class);

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final ObjectProvider<IndexService> index;
    private final long intervalMillis;
    private ScheduledExecutorService timer;
    private volatile long lastSent;

    LiveDashboard(ObjectProvider<IndexService> index,
            @Value("${citygov.insight.push-interval-ms:300}") long intervalMillis) {
        this.index = index;
        this.intervalMillis = intervalMillis;
    }

    /** A fact was recorded (after its transaction committed). */
    public void changed() {
        dirty.set(true);
    }

    public SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(30 * 60_000L);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        emitters.add(emitter);
        return emitter;
    }

    public int subscribers() {
        return emitters.size();
    }

    void tick() {
        try {
            long now = System.currentTimeMillis();
            if (emitters.isEmpty()) {
                return;
            }
            if (dirty.getAndSet(false)) {
                IndexService.Dashboard dashboard = index.getObject().dashboard();
                send(SseEmitter.event().name("dashboard").data(dashboard, MediaType.APPLICATION_JSON));
                lastSent = System.currentTimeMillis();
                log.debug("Dashboard pushed to {} screens in {} ms", emitters.size(), lastSent - now);
            } else if (now - lastSent > 15_000) {
                // keeps proxies from closing an idle stream and finds closed ones
                send(SseEmitter.event().comment("keep-alive"));
                lastSent = now;
            }
        } catch (RuntimeException e) {
            log.warn("Could not push the dashboard", e);
        }
    }

    private void send(SseEmitter.SseEventBuilder event) {
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(event);
            } catch (IOException | IllegalStateException e) {
                emitters.remove(emitter);
            }
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("insight-live").daemon().factory());
        timer.scheduleWithFixedDelay(this::tick, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
