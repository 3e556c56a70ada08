package vn.citygov.dossiers.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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
 * Tells online applicants what happened to their dossier, in the app and by e-mail. Called by the code that
 * publishes the dossier's event, in its transaction, with the row it just wrote: the message is written with the
 * decision or not at all, and the e-mail goes through the mail outbox once it commits, so a slow or failing SMTP
 * server never holds up or undoes a decision.
 * Counter applicants without an account have nobody to notify.
 */
@Component
public class DossierNotifications {

    private static final ZoneId CITY = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Accounts keep no language preference yet, so applicants are written to in the default language. */
    private static final Locale APPLICANT_LOCALE = Locale.forLanguageTag("vi");

    private final AccountService accounts;
    private final NotificationService notifications;
    private final ProcedureService procedures;

    DossierNotifications(AccountService accounts, NotificationService notifications, ProcedureService procedures) {
        this.accounts = accounts;
        this.notifications = notifications;
        this.procedures = procedures;
    }

    /**
     * Tells the applicant about the event if it concerns them; {@code dossier} is the row as the event left it
     * (the caller has it at hand, so nothing is read back).
     */
    public void tell(DossierEvent event, DossierRow dossier) {
        switch (event) {
            case DossierAccepted e -> send(dossier, "dossier-accepted", e.code(),
                    dossier.dueAt() == null ? "" : DAY.format(dossier.dueAt().atZone(CITY)));
            case DossierSupplementRequested e -> send(dossier, "dossier-supplement", label(dossier, e),
                    items(dossier.supplementItems(), e.comment()));
            case DossierRefused e -> send(dossier, "dossier-refused", label(dossier, e),
                    dossier.refusalReason() != null ? dossier.refusalReason() : nullToEmpty(e.comment()));
            // Internal hand-overs (DossierStepDone) are not the applicant's concern; the result being ready is.
            case DossierResultIssued e -> send(dossier, "dossier-result-issued", label(dossier, e));
            case DossierResultReturned e -> send(dossier, "dossier-returned", label(dossier, e));
            // Form 04 goes to the applicant: the apology, the reason and the new appointment.
            case DossierExtended e -> send(dossier, "dossier-extended", label(dossier, e),
                    e.facts().dueAt() == null ? "" : DAY.format(e.facts().dueAt().atZone(CITY)),
                    nullToEmpty(e.comment()));
            case DossierStopped e -> send(dossier, "dossier-stopped", label(dossier, e), nullToEmpty(e.comment()));
            default -> {
                // nothing the applicant is told about
            }
        }
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
