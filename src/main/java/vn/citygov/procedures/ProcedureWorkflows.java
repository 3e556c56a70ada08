package vn.citygov.procedures;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.directory.AgencyService;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CurrentUser;
import vn.citygov.procedures.internal.WorkflowRepository;

/**
 * Processing workflows as data: named, versioned by effective date, referred to by procedures. Reads are
 * public; saving a version needs {@code procedures.manage} citywide.
 */
@Service
@Transactional(readOnly = true)
public class ProcedureWorkflows {

    private static final ZoneId CITY = ZoneId.of("Asia/Ho_Chi_Minh");

    private final WorkflowRepository workflows;
    private final WorkflowChecks checks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProcedureWorkflows(WorkflowRepository workflows, AgencyService agencies, ApplicationEventPublisher events,
            Clock clock) {
        this.events = events;
        this.workflows = workflows;
        this.checks = new WorkflowChecks(agencies::exists);
        this.clock = clock;
    }

    /** The version of a workflow in force on a day (the city's calendar day). */
    public WorkflowDefinition inForce(String code, LocalDate day) {
        if (code == null || !WorkflowChecks.CODE.matcher(code).matches()) {
            throw new NotFoundException("workflow", code);
        }
        return workflows.inForce(code, day).orElseThrow(() -> new NotFoundException("workflow", code));
    }

    /**
     * The workflow a procedure's dossiers follow, as in force on that day; the default workflow while the named one
     * has only versions in the future.
     */
    public WorkflowDefinition forProcedure(Procedure procedure, LocalDate day) {
        String code = procedure.workflow() == null ? WorkflowDefinition.DEFAULT : procedure.workflow();
        return workflows.inForceCached(code, day)
                .orElseGet(() -> workflows.inForceCached(WorkflowDefinition.DEFAULT, day)
                        .orElseThrow(() -> new NotFoundException("workflow", WorkflowDefinition.DEFAULT)));
    }

    /** Every workflow in the version in force today. */
    public List<WorkflowDefinition> inForceToday() {
        return workflows.allInForce(today());
    }

    public WorkflowDefinition inForceToday(String code) {
        return inForce(code, today());
    }

    /** Stores a version (replacing one of the same effective date): shares must sum to 100, the shape hold. */
    @Transactional
    public WorkflowDefinition save(String code, WorkflowDefinition input) {
        if (!CurrentUser.get().map(u -> u.canCitywide(ProcedureService.MANAGE)).orElse(false)) {
            throw new ForbiddenException();
        }
        WorkflowDefinition w = input == null ? null
                : new WorkflowDefinition(code, input.name(), input.nameEn(), input.effectiveFrom(), input.steps());
        List<FieldError> errors = checks.check(w);
        if (!errors.isEmpty()) {
            throw new InvalidProcedureException(errors);
        }
        workflows.save(w);
        WorkflowDefinition saved = workflows.inForce(code, w.effectiveFrom()).orElseThrow();
        events.publishEvent(new WorkflowVersionSaved(saved));
        return saved;
    }

    boolean exists(String code) {
        return workflows.exists(code);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CITY));
    }
}
