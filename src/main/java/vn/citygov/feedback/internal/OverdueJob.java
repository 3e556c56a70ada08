package vn.citygov.feedback.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.citygov.feedback.FeedbackService;

/**
 * Every few minutes: reminds handling points of reports due soon, and marks reports past their deadline as
 * overdue (escalated to the agency's coordinators); each happens once per report.
 */
@Component
class OverdueJob {

    private static final Logger log = LoggerFactory.getLogger(OverdueJob.class);

    private final FeedbackService feedback;

    OverdueJob(FeedbackService feedback) {
        this.feedback = feedback;
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
    }
}
