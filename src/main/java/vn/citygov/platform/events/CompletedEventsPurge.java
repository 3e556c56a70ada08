package vn.citygov.platform.events;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes event publications delivered longer ago than the retention. Every dossier action leaves its outbox rows
 * behind once delivered; kept forever they would grow by millions a month (the audit trail, not the outbox, is the
 * record of what happened). Undelivered publications are never touched: they wait for redelivery.
 */
@Component
class CompletedEventsPurge {

    private static final Logger log = LoggerFactory.getLogger(CompletedEventsPurge.class);

    private final CompletedEventPublications completed;
    private final Duration retention;

    CompletedEventsPurge(CompletedEventPublications completed,
            @Value("${citygov.events.completed-retention:P7D}") Duration retention) {
        this.completed = completed;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${citygov.events.purge-interval:PT1H}", initialDelayString = "PT15M")
    void purge() {
        completed.deletePublicationsOlderThan(retention);
        log.debug("Removed event publications delivered more than {} ago", retention);
    }
}
