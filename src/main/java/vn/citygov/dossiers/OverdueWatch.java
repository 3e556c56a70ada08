package vn.citygov.dossiers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.citygov.dossiers.internal.DeadlineRepository;

/**
 * Publishes {@link DossierOverdue} once per dossier that passes its appointment while its clock runs. A cheap
 * range read on a partial index every few minutes; each dossier is marked and announced in its own transaction.
 */
@Component
class OverdueWatch {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(OverdueWatch.class);

    private final DeadlineRepository deadlines;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OverdueWatch(DeadlineRepository deadlines, ApplicationEventPublisher events, TransactionTemplate transactions,
            Clock clock) {
        this.deadlines = deadlines;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${citygov.dossiers.overdue-scan:PT5M}",
            initialDelayString = "${citygov.dossiers.overdue-scan-delay:PT2M}")
    void scheduled() {
        int reported = scan();
        if (reported > 0) {
            log.info("{} dossiers passed their appointment", reported);
        }
    }

    /** One pass: the number of dossiers newly reported overdue. */
    int scan() {
        Instant now = clock.instant();
        int reported = 0;
        List<Long> due;
        do {
            due = deadlines.due(now, BATCH);
            for (long id : due) {
                Boolean done = transactions.execute(tx -> deadlines.mark(id, now).map(d -> {
                    events.publishEvent(new DossierOverdue(d.id(), d.code(), d.procedureCode(), d.agencyCode(),
                            "overdue", d.state(), d.state(), null, new DossierFacts(UUID.randomUUID(), now,
                                    d.adminUnitCode(), d.channel(), d.receivedAt(), d.dueAt(), null)));
                    return true;
                }).orElse(false));
                if (Boolean.TRUE.equals(done)) {
                    reported++;
                }
            }
        } while (due.size() == BATCH);
        return reported;
    }
}
