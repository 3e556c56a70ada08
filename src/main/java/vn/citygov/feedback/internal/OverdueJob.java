package vn.citygov.feedback.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import java.time.Clock;
import org.springframework.stereotype.Component;
import vn.citygov.feedback.FeedbackService;

/**
 * Every few minutes, the escalation ladder: reminds handling points of reports due soon, marks reports past
 * their deadline as overdue (escalated to the agency's coordinators), and escalates those still overdue some
 * working days later to the city's coordinators; each step happens once per report and deadline.
 */
@Component
class OverdueJob {

    private static final Logger log = LoggerFactory.getLogger(OverdueJob.class);

    private final FeedbackService feedback;
    private final Clock clock;

    OverdueJob(FeedbackService feedback, Clock clock) {
        this.feedback = feedback;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${citygov.feedback.overdue-check:PT5M}", initialDelayString = "PT2M")
    void run() {
        int soon = feedback.remindDueSoon();
        if (soon > 0) {
            log.info("{} feedback reports are due soon", soon);
        }
        int n = feedback.markOverdue();
        if (n > 0) {
            log.info("{} feedback reports became overdue", n);
        }
        int city = feedback.escalateToCity(clock.instant());
        if (city > 0) {
            log.info("{} overdue feedback reports were escalated to the city", city);
        }
    }
}
