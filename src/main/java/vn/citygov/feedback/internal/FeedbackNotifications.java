package vn.citygov.feedback.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.citygov.directory.Agency;
import vn.citygov.directory.AgencyService;
import vn.citygov.feedback.FeedbackEvent;
import vn.citygov.feedback.ReportAnswered;
import vn.citygov.feedback.ReportAssigned;
import vn.citygov.feedback.ReportClosed;
import vn.citygov.feedback.ReportEscalated;
import vn.citygov.feedback.ReportMerged;
import vn.citygov.feedback.ReportOverdue;
import vn.citygov.feedback.ReportReopened;
import vn.citygov.feedback.ReportStarted;
import vn.citygov.feedback.ReportSubmitted;
import vn.citygov.identity.AccountService;
import vn.citygov.identity.PermissionHolder;
import vn.citygov.notification.Mail;
import vn.citygov.notification.MailService;
import vn.citygov.notification.NotificationService;

/**
 * Tells reporters and followers what happened to a report: in the app and by e-mail for reporters with an
 * account, by e-mail to the contact address of others and to followers. The escalation ladder: due soon to the
 * agency's address and its handling officials, overdue to the agency's address and coordinators, still overdue
 * to the city's coordinators. Runs after the report's transaction commits (from the event outbox).
 */
@Component
class FeedbackNotifications {

    private static final Logger log = LoggerFactory.getLogger(FeedbackNotifications.class);
    /** Reporters keep no language preference, so they are written to in the default language. */
    private static final Locale LOCALE = Locale.forLanguageTag("vi");
    private static final String COORDINATE = "feedback.coordinate";
    private static final String HANDLE = "feedback.handle";

    private final ReportRepository reports;
    private final AccountService accounts;
    private final NotificationService notifications;
    private final MailService mail;
    private final MessageSource messages;
    private final AgencyService agencies;
    private final String baseUrl;

    FeedbackNotifications(ReportRepository reports, AccountService accounts, NotificationService notifications,
            MailService mail, MessageSource messages, AgencyService agencies,
            @Value("${citygov.base-url}") String baseUrl) {
        this.reports = reports;
        this.accounts = accounts;
        this.notifications = notifications;
        this.mail = mail;
        this.messages = messages;
        this.agencies = agencies;
        this.baseUrl = baseUrl;
    }

    @ApplicationModuleListener
    void on(ReportSubmitted event) {
        tell(event, "feedback-received", false);
    }

    @ApplicationModuleListener
    void on(ReportAssigned event) {
        // Routing at submission is part of receiving it; later moves are news for the reporter.
        if (event.fromHandlingPointCode() != null) {
            tell(event, "feedback-transferred", false);
        }
    }

    @ApplicationModuleListener
    void on(ReportStarted event) {
        tell(event, "feedback-started", true);
    }

    @ApplicationModuleListener
    void on(ReportAnswered event) {
        tell(event, "feedback-answered", true);
    }

    @ApplicationModuleListener
    void on(ReportClosed event) {
        tell(event, "feedback-closed", true);
    }

    @ApplicationModuleListener
    void on(ReportReopened event) {
        tell(event, "feedback-reopened", true);
    }

    @ApplicationModuleListener
    void on(ReportMerged event) {
        tell(event, "feedback-merged", true, event.mergedIntoCode());
    }

    /**
     * The ladder's first step, before the deadline: a reminder to the agency's address and to the officials who
     * handle its reports (feedback.handle in the agency), in the app and by e-mail.
     */
    @ApplicationModuleListener
    void on(vn.citygov.feedback.ReportDueSoon event) {
        toAgency(event, "feedback-due-soon");
        if (event.agencyCode() != null) {
            toHolders(accounts.holdersOf(HANDLE, event.agencyCode()), agencyEmail(event.agencyCode()), event,
                    "feedback-due-soon");
        }
    }

    /**
     * Escalation to the next level: the agency's address, and each account holding feedback.coordinate in the
     * agency, in the app and by e-mail (once per address: a coordinator using the agency's address gets one mail).
     */
    @ApplicationModuleListener
    void on(ReportOverdue event) {
        toAgency(event, "feedback-overdue");
        if (event.agencyCode() == null) {
            return;
        }
        toHolders(accounts.holdersOf(COORDINATE, event.agencyCode()), agencyEmail(event.agencyCode()), event,
                "feedback-overdue");
    }

    /**
     * The ladder's top step: a report still overdue days after its deadline goes to the city's coordinators
     * (feedback.coordinate city-wide) and to those of the agency's parent agency, in the app and by e-mail.
     */
    @ApplicationModuleListener
    void on(ReportEscalated event) {
        Map<Long, PermissionHolder> holders = new LinkedHashMap<>();
        accounts.citywideHoldersOf(COORDINATE).forEach(h -> holders.putIfAbsent(h.userId(), h));
        String parent = parentOf(event.agencyCode());
        if (parent != null) {
            accounts.holdersOf(COORDINATE, parent).forEach(h -> holders.putIfAbsent(h.userId(), h));
        }
        toHolders(holders.values(), null, event, "feedback-escalated");
    }

    private String parentOf(String agencyCode) {
        try {
            return agencyCode == null ? null : agencies.get(agencyCode).parentCode();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** In the app and by e-mail, one mail per address (the agency's own address, already mailed, is skipped). */
    private void toHolders(Collection<PermissionHolder> holders, String agencyMail, FeedbackEvent event,
            String template) {
        Set<String> mailed = new LinkedHashSet<>();
        if (agencyMail != null) {
            mailed.add(agencyMail.toLowerCase(Locale.ROOT));
        }
        for (PermissionHolder holder : holders) {
            String email = holder.email();
            if (email != null && !mailed.add(email.toLowerCase(Locale.ROOT))) {
                email = null;
            }
            try {
                notifications.notify(holder.userId(), email, template, args(event.code()), LOCALE,
                        "/feedback/work/" + event.code());
            } catch (RuntimeException e) {
                log.warn("Could not tell {} about report {} ({}): {}", holder.username(), event.code(), template,
                        e.getMessage());
            }
        }
    }

    private String agencyEmail(String agencyCode) {
        try {
            String email = agencies.get(agencyCode).email();
            return email == null || email.isBlank() ? null : email;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void toAgency(FeedbackEvent event, String template) {
        if (event.agencyCode() == null) {
            return;
        }
        try {
            Agency agency = agencies.get(event.agencyCode());
            if (agency.email() == null || agency.email().isBlank()) {
                log.info("Report {} ({}): agency {} has no e-mail address", event.code(), template, event.agencyCode());
                return;
            }
            mail.send(new Mail(agency.email(), "CityGov: " + text(template + ".title", event.code()),
                    text(template + ".body", event.code()) + "\n\n" + baseUrl + "/feedback/work/" + event.code()));
        } catch (RuntimeException e) {
            log.warn("Could not tell the agency about report {} ({}): {}", event.code(), template, e.getMessage());
        }
    }

    private void tell(FeedbackEvent event, String template, boolean followers, Object... extra) {
        reports.find(event.reportId()).ifPresent(r -> {
            Object[] args = args(event.code(), extra);
            // A merged duplicate's news is the report it now follows.
            String link = "/feedback/" + (event instanceof ReportMerged m ? m.mergedIntoCode() : event.code());
            Set<String> mailed = new LinkedHashSet<>();
            Set<Long> reporters = new LinkedHashSet<>();
            if (r.reporterId() != null) {
                reporters.add(r.reporterId());
            }
            if (followers) {
                // Whoever reported a duplicate merged into this report hears of it as its own reporter does.
                reporters.addAll(reports.mergedReporters(r.id()));
            }
            for (long reporter : reporters) {
                String email = accounts.emailOf(reporter).orElse(null);
                notifications.notify(reporter, email, template, args, LOCALE, link);
                if (email != null) {
                    mailed.add(email.toLowerCase(Locale.ROOT));
                }
            }
            if (r.contactEmail() != null && mailed.add(r.contactEmail().toLowerCase(Locale.ROOT))) {
                send(r.contactEmail(), template, args, link);
            }
            if (followers) {
                for (String follower : reports.followers(r.id())) {
                    if (mailed.add(follower)) {
                        send(follower, template, args, link);
                    }
                }
            }
        });
    }

    private void send(String to, String template, Object[] args, String link) {
        mail.send(new Mail(to, "CityGov: " + text(template + ".title", args),
                text(template + ".body", args) + "\n\n" + baseUrl + link));
    }

    private String text(String key, Object... args) {
        return messages.getMessage("notification." + key, args, LOCALE);
    }

    private static Object[] args(String code, Object... extra) {
        Object[] args = new Object[1 + extra.length];
        args[0] = code;
        System.arraycopy(extra, 0, args, 1, extra.length);
        return args;
    }
}
