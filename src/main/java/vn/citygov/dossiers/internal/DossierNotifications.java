package vn.citygov.dossiers.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.citygov.dossiers.DossierAccepted;
import vn.citygov.dossiers.DossierEvent;
import vn.citygov.dossiers.DossierExtended;
import vn.citygov.dossiers.DossierStopped;
import vn.citygov.dossiers.DossierRefused;
import vn.citygov.dossiers.DossierResultIssued;
import vn.citygov.dossiers.DossierResultReturned;
import vn.citygov.dossiers.DossierSupplementRequested;
import vn.citygov.identity.AccountService;
import vn.citygov.notification.NotificationService;
import vn.citygov.procedures.Procedure;
import vn.citygov.procedures.ProcedureService;

/**
 * Tells online applicants what happened to their dossier, in the app and by e-mail. Runs in the dossier's
 * transaction: the message is written with the decision or not at all, and the e-mail goes through the mail
 * outbox once it commits, so a slow or failing SMTP server never holds up or undoes a decision.
 * Counter applicants without an account have nobody to notify.
 */
@Component
class DossierNotifications {

    private static final ZoneId CITY = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Accounts keep no language preference yet, so applicants are written to in the default language. */
    private static final Locale APPLICANT_LOCALE = Locale.forLanguageTag("vi");

    private final DossierRepository dossiers;
    private final AccountService accounts;
    private final NotificationService notifications;
    private final ProcedureService procedures;

    DossierNotifications(DossierRepository dossiers, AccountService accounts, NotificationService notifications,
            ProcedureService procedures) {
        this.dossiers = dossiers;
        this.accounts = accounts;
        this.notifications = notifications;
        this.procedures = procedures;
    }

    @EventListener
    void on(DossierAccepted event) {
        dossiers.find(event.dossierId()).ifPresent(d -> send(d, "dossier-accepted",
                event.code(), d.dueAt() == null ? "" : DAY.format(d.dueAt().atZone(CITY))));
    }

    @EventListener
    void on(DossierSupplementRequested event) {
        dossiers.find(event.dossierId()).ifPresent(d -> send(d, "dossier-supplement", label(d, event),
                items(d.supplementItems(), event.comment())));
    }

    @EventListener
    void on(DossierRefused event) {
        dossiers.find(event.dossierId()).ifPresent(d -> send(d, "dossier-refused", label(d, event),
                d.refusalReason() != null ? d.refusalReason() : nullToEmpty(event.comment())));
    }

    /** Internal hand-overs (DossierStepDone) are not the applicant's concern; the result being ready is. */
    @EventListener
    void on(DossierResultIssued event) {
        dossiers.find(event.dossierId()).ifPresent(d -> send(d, "dossier-result-issued", label(d, event)));
    }

    @EventListener
    void on(DossierResultReturned event) {
        dossiers.find(event.dossierId()).ifPresent(d -> send(d, "dossier-returned", label(d, event)));
    }

    @EventListener
    void on(DossierExtended event) {
        // Form 04 goes to the applicant: the apology, the reason and the new appointment.
        dossiers.find(event.dossierId()).ifPresent(d -> send(d, "dossier-extended", label(d, event),
                event.facts().dueAt() == null ? "" : DAY.format(event.facts().dueAt().atZone(CITY)),
                nullToEmpty(event.comment())));
    }

    @EventListener
    void on(DossierStopped event) {
        dossiers.find(event.dossierId()).ifPresent(d -> send(d, "dossier-stopped", label(d, event),
                nullToEmpty(event.comment())));
    }

    private void send(DossierRow dossier, String template, Object... args) {
        if (dossier.applicantId() == null) {
            return;
        }
        long applicant = dossier.applicantId();
        String email = accounts.emailOf(applicant).orElse(null);
        notifications.notify(applicant, email, template, args, APPLICANT_LOCALE, "/dossiers/" + dossier.id());
    }

    /** Before acceptance a dossier has no code yet; the procedure's name still says which one it is. */
    private String label(DossierRow dossier, DossierEvent event) {
        if (event.code() != null) {
            return event.code();
        }
        Procedure procedure = procedures.get(dossier.procedureCode());
        return "vi".equals(APPLICANT_LOCALE.getLanguage()) ? procedure.name() : procedure.nameEn();
    }

    private static String items(List<String> items, String comment) {
        if (items == null || items.isEmpty()) {
            return nullToEmpty(comment);
        }
        return "- " + String.join("\n- ", items);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
