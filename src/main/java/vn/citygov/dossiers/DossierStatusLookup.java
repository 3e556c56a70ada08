package vn.citygov.dossiers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.stereotype.Service;
import vn.citygov.calendar.WorkingDayCalendar;
import vn.citygov.directory.AgencyService;
import vn.citygov.dossiers.internal.DossierStatusReader;
import vn.citygov.dossiers.internal.DossierStatusReader.StatusRow;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.procedures.Procedure;
import vn.citygov.procedures.ProcedureService;

/**
 * The public status lookup by dossier code (the receipt's QR code leads here): no login, no personal data. It
 * is read far more often than anything else and reads one cached row, so it runs outside any transaction —
 * not even an empty one, whose set-up and commit cost more than the lookup itself.
 */
@Service
public class DossierStatusLookup {

    private final DossierStatusReader reader;
    private final ProcedureService procedures;
    private final AgencyService agencies;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    DossierStatusLookup(DossierStatusReader reader, ProcedureService procedures, AgencyService agencies,
            WorkingDayCalendar calendar, Clock clock) {
        this.reader = reader;
        this.procedures = procedures;
        this.agencies = agencies;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The public status behind a dossier code. Unknown or malformed codes are 404. */
    public DossierStatus status(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!DossierService.CODE.matcher(c).matches()) {
            throw new NotFoundException("dossier", code);
        }
        StatusRow d = reader.find(c).orElseThrow(() -> new NotFoundException("dossier", code));
        Procedure procedure = procedures.get(d.procedureCode());
        String agencyName = agencies.exists(d.agencyCode()) ? agencies.get(d.agencyCode()).name() : d.agencyCode();
        LocalDate appointment = d.dueAt() == null ? null : d.dueAt().atZone(calendar.zone()).toLocalDate();
        return new DossierStatus(d.code(), d.procedureCode(), procedure.name(), procedure.nameEn(), d.agencyCode(),
                agencyName, d.state(), d.receivedAt(), appointment,
                Deadlines.overdue(calendar, clock, d.state(), d.dueAt(), d.pausedAt(), d.finishedAt()), d.updatedAt(),
                d.stepName(), d.stepNameEn());
    }
}
