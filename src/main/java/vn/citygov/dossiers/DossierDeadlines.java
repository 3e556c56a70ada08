package vn.citygov.dossiers;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.calendar.WorkingDayCalendar;
import vn.citygov.dossiers.internal.DeadlineRepository;
import vn.citygov.dossiers.internal.DeadlineRepository.Extension;
import vn.citygov.dossiers.internal.DossierNotifications;
import vn.citygov.dossiers.internal.DossierRepository;
import vn.citygov.dossiers.internal.DossierRow;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;

/**
 * The apology with a new appointment (form 04): a dossier that will be late gets one new appointment, set once,
 * by an official handling it (dossier.process or dossier.approve in the agency holding it now).
 */
@Service
public class DossierDeadlines {

    static final int MAX_REASON = 2000;

    private final DossierService dossiers;
    private final DossierRepository rows;
    private final DeadlineRepository deadlines;
    private final StepEngine steps;
    private final WorkingDayCalendar calendar;
    private final ApplicationEventPublisher events;
    private final DossierNotifications notifications;
    private final Clock clock;

    DossierDeadlines(DossierService dossiers, DossierRepository rows, DeadlineRepository deadlines, StepEngine steps,
            WorkingDayCalendar calendar, ApplicationEventPublisher events, DossierNotifications notifications,
            Clock clock) {
        this.notifications = notifications;
        this.dossiers = dossiers;
        this.rows = rows;
        this.deadlines = deadlines;
        this.steps = steps;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    /** The new appointment set by form 04, if any, for a dossier the caller may read. */
    public java.util.Optional<Extension> extension(long id) {
        dossiers.get(id);
        return deadlines.extension(id);
    }

    /** Whether the caller may set the new appointment now (for offering the form). */
    public boolean mayExtend(long id) {
        CityGovUser user = CurrentUser.get().orElse(null);
        DossierRow d = rows.find(id).orElse(null);
        if (user == null || d == null || !Workflow.clockRunning(d.state()) || d.dueAt() == null
                || deadlines.extension(id).isPresent()) {
            return false;
        }
        String agency = steps.holdingAgency(d);
        return user.can(DossierService.PROCESS, agency) || user.can(DossierService.APPROVE, agency);
    }

    @Transactional
    public Dossier extend(long id, DossierExtension input) {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        dossiers.get(id);
        if (input == null) {
            throw new InvalidInputException("body", "validation.required");
        }
        if (input.version() == null) {
            throw new InvalidInputException("version", "validation.required");
        }
        DossierRow d = rows.find(id).orElseThrow();
        if (input.version() != d.version()) {
            throw DossierConflictException.stale();
        }
        if (!Workflow.clockRunning(d.state()) || d.dueAt() == null) {
            throw DossierConflictException.illegal("extend", d.state());
        }
        String agency = steps.holdingAgency(d);
        if (!user.can(DossierService.PROCESS, agency) && !user.can(DossierService.APPROVE, agency)) {
            throw new ForbiddenException();
        }
        if (deadlines.extension(id).isPresent()) {
            throw new DossierConflictException("already-extended", "dossiers.error.already-extended");
        }
        String reason = input.reason() == null ? null : input.reason().strip();
        if (reason == null || reason.isEmpty()) {
            throw new InvalidInputException("reason", "dossiers.error.extension-reason");
        }
        if (reason.length() > MAX_REASON || reason.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r')) {
            throw new InvalidInputException("reason", "dossiers.error.too-long");
        }
        if (input.newDueDate() == null) {
            throw new InvalidInputException("newDueDate", "validation.required");
        }
        if (input.newDueDate().getYear() > WorkingDayCalendar.MAX_YEAR
                || input.newDueDate().getYear() < WorkingDayCalendar.MIN_YEAR || !calendar.isWorkingDay(input.newDueDate())) {
            throw new InvalidInputException("newDueDate", "dossiers.error.extension-working-day");
        }
        Instant newDue = calendar.endOfWorkingDay(input.newDueDate());
        if (!newDue.isAfter(d.dueAt())) {
            throw new InvalidInputException("newDueDate", "dossiers.error.extension-later");
        }
        Instant now = clock.instant();
        if (!deadlines.insertExtension(id, new Extension(d.dueAt(), newDue, reason, now, user.username(),
                user.displayName()))) {
            throw new DossierConflictException("already-extended", "dossiers.error.already-extended");
        }
        if (!deadlines.extend(id, d.version(), newDue, now)) {
            throw DossierConflictException.stale();
        }
        rows.insertHistory(id, now, user.username(), user.displayName(), "extend", d.state(), d.state(), reason);
        DossierExtended event = new DossierExtended(id, d.code(), d.procedureCode(), d.agencyCode(), "extend",
                d.state(), d.state(), reason, new DossierFacts(UUID.randomUUID(), now, d.adminUnitCode(), d.channel(),
                        d.receivedAt(), newDue, null));
        events.publishEvent(event);
        notifications.tell(event, d);
        return dossiers.get(id);
    }
}
