package vn.citygov.dossiers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.citygov.calendar.WorkingDayCalendar;
import vn.citygov.dossiers.internal.LedgerRepository;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;
import vn.citygov.procedures.ProcedureService;

/**
 * The tracking ledger (form 07, sổ theo dõi hồ sơ) of an agency: the dossiers it accepted over a period, with
 * appointment, finish and whether on time. For the agency's officials (any dossier permission there).
 */
@Service
public class DossierLedger {

    public static final int MAX_DAYS = 366;
    public static final int MAX_LINES = 10_000;

    private final LedgerRepository ledger;
    private final ProcedureService procedures;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    DossierLedger(LedgerRepository ledger, ProcedureService procedures, WorkingDayCalendar calendar, Clock clock) {
        this.ledger = ledger;
        this.procedures = procedures;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Days from and to inclusive, on the city's calendar. */
    public List<LedgerLine> lines(String agency, LocalDate from, LocalDate to) {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        if (agency == null || agency.isBlank()) {
            throw new InvalidInputException("agency", "validation.required");
        }
        String a = agency.strip();
        if (DossierService.PERMISSIONS.stream().noneMatch(p -> user.can(p, a))) {
            throw new ForbiddenException();
        }
        if (from == null || to == null) {
            throw new InvalidInputException(from == null ? "from" : "to", "validation.required");
        }
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidInputException("to", "dossiers.error.ledger-range");
        }
        Instant start = from.atStartOfDay(calendar.zone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        Instant now = clock.instant();
        Map<String, String> names = new HashMap<>();
        List<LedgerLine> lines = new ArrayList<>();
        for (LedgerRepository.Entry e : ledger.entries(a, start, end, MAX_LINES)) {
            Instant due = e.extendedDue() != null ? e.extendedDue() : e.dueAt();
            lines.add(new LedgerLine(lines.size() + 1, e.id(), e.code(), e.procedureCode(),
                    names.computeIfAbsent(e.procedureCode(), this::name), e.applicantName(), e.channel(), e.state(),
                    e.receivedAt(), e.dueAt(), e.extendedDue(), e.finishedAt(), outcome(e.state(), due, e.finishedAt(),
                            now)));
        }
        return lines;
    }

    static String outcome(String state, Instant due, Instant finished, Instant now) {
        if (Workflow.REFUSED.equals(state) || Workflow.WITHDRAWN.equals(state) || Workflow.STOPPED.equals(state)) {
            return "ended";
        }
        if (finished == null) {
            return due != null && now.isAfter(due) ? "overdue" : "in_time";
        }
        if (due == null || !finished.isBefore(due.minus(1, ChronoUnit.DAYS))) {
            return due != null && finished.isAfter(due) ? "late" : "on_time";
        }
        return "early";
    }

    private String name(String code) {
        try {
            return procedures.get(code).name();
        } catch (NotFoundException e) {
            return code;
        }
    }
}
