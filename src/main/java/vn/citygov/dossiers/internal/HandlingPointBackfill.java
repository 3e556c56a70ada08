package vn.citygov.dossiers.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives dossiers filed before handling points were recorded (V11_11) the handling point new dossiers get: the
 * one-stop desk of the agency holding them now. The desks come from the directory's API, not its tables (each
 * module reads only its own), so this runs in the application rather than as a SQL migration: once per start,
 * in the background, in batches, and only on rows still without one, so it is cheap once done and safe beside
 * dossiers moving at the same time (a row a step has just given a handling point no longer matches).
 */
@Component
public class HandlingPointBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HandlingPointBackfill.class);
    static final int BATCH = 5_000;

    private static final String AGENCIES = """
            SELECT DISTINCT work_agency_code FROM dossiers_dossier
             WHERE handling_point_code IS NULL AND work_agency_code IS NOT NULL
            """;
    private static final String FILL = """
            UPDATE dossiers_dossier SET handling_point_code = :desk
             WHERE id IN (SELECT id FROM dossiers_dossier
                           WHERE work_agency_code = :agency AND handling_point_code IS NULL LIMIT :batch)
               AND handling_point_code IS NULL
            """;

    private final JdbcClient jdbc;
    private final HandlingPoints handlingPoints;

    HandlingPointBackfill(JdbcClient jdbc, HandlingPoints handlingPoints) {
        this.jdbc = jdbc;
        this.handlingPoints = handlingPoints;
    }

    @Override
    public void run(ApplicationArguments args) {
        Thread.ofVirtual().name("handling-point-backfill").start(() -> {
            try {
                long filled = fill();
                if (filled > 0) {
                    log.info("Handling point recorded on {} older dossiers", filled);
                }
            } catch (RuntimeException e) {
                log.warn("Handling point backfill stopped; it runs again at the next start", e);
            }
        });
    }

    /** Fills every dossier without a handling point whose holding agency has a desk; the number of rows filled. */
    public long fill() {
        long filled = 0;
        List<String> agencies = jdbc.sql(AGENCIES).query(String.class).list();
        for (String agency : agencies) {
            String desk = handlingPoints.deskOf(agency);
            if (desk == null) {
                continue;
            }
            int n;
            do {
                // Each batch commits on its own: short row locks beside the live workflow.
                n = jdbc.sql(FILL).param("desk", desk).param("agency", agency).param("batch", BATCH).update();
                filled += n;
            } while (n == BATCH);
        }
        return filled;
    }
}
