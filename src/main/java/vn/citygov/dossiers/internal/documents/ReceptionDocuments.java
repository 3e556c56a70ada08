package vn.citygov.dossiers.internal.documents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.citygov.calendar.WorkingDayCalendar;
import vn.citygov.directory.Agency;
import vn.citygov.directory.AgencyService;
import vn.citygov.dossiers.Dossier;
import vn.citygov.dossiers.Dossier.HistoryEntry;
import vn.citygov.dossiers.internal.DeadlineRepository;
import vn.citygov.dossiers.internal.StepRepository;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.procedures.ProcedureService;

/**
 * The printable documents (forms 01–06 of Circular 03/2025/TT-VPCP) of a dossier the caller has already been
 * allowed to read: reception (01–03) and handling (04–06). Each exists only once its step has happened.
 */
@Component
public class ReceptionDocuments {

    public static final String RECEIPT = "receipt";
    public static final String SUPPLEMENT_REQUEST = "supplement-request";
    public static final String REFUSAL = "refusal";
    public static final String EXTENSION = "extension";
    public static final String STOP_NOTICE = "stop-notice";
    public static final String CONTROL_SLIP = "control-slip";
    public static final List<String> NAMES = List.of(RECEIPT, SUPPLEMENT_REQUEST, REFUSAL, EXTENSION, STOP_NOTICE,
            CONTROL_SLIP);

    private final ProcedureService procedures;
    private final AgencyService agencies;
    private final WorkingDayCalendar calendar;
    private final String baseUrl;
    private final DeadlineRepository deadlines;
    private final StepRepository steps;

    ReceptionDocuments(ProcedureService procedures, AgencyService agencies, WorkingDayCalendar calendar,
            @Value("${citygov.base-url}") String baseUrl, DeadlineRepository deadlines, StepRepository steps) {
        this.deadlines = deadlines;
        this.steps = steps;
        this.procedures = procedures;
        this.agencies = agencies;
        this.calendar = calendar;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The documents that exist for the dossier in its current state, in form order. */
    public List<String> available(Dossier d) {
        List<String> names = new ArrayList<>();
        if (d.code() != null && d.receivedAt() != null && d.dueAt() != null && last(d, "accept").isPresent()) {
            names.add(RECEIPT);
        }
        if (last(d, "request_supplement").isPresent()) {
            names.add(SUPPLEMENT_REQUEST);
        }
        // Form 03 refuses reception; a refusal after processing started is the handling's answer, not this form.
        if ("refused".equals(d.state()) && d.refusalReason() != null
                && last(d, "refuse").filter(h -> !"in_progress".equals(h.fromState())).isPresent()) {
            names.add(REFUSAL);
        }
        if (d.code() != null && last(d, "extend").isPresent()) {
            names.add(EXTENSION);
        }
        if ("stopped".equals(d.state()) && last(d, "stop").isPresent()) {
            names.add(STOP_NOTICE);
        }
        if (d.code() != null && d.receivedAt() != null && last(d, "accept").isPresent()) {
            names.add(CONTROL_SLIP);
        }
        return names;
    }

    /** The PDF of one document; 404 when it does not exist (yet) for this dossier. */
    public byte[] pdf(Dossier d, String name) {
        if (!available(d).contains(name)) {
            throw new NotFoundException("document", name);
        }
        return switch (name) {
            case RECEIPT -> ReceiptForm.render(facts(d, last(d, "accept").orElseThrow()),
                    baseUrl + "/lookup?code=" + d.code());
            case SUPPLEMENT_REQUEST -> {
                HistoryEntry request = last(d, "request_supplement").orElseThrow();
                Request parsed = Request.of(request.comment());
                List<String> items = d.supplementItems() != null && !d.supplementItems().isEmpty()
                        ? d.supplementItems() : parsed.items();
                yield SupplementRequestForm.render(facts(d, request), items, parsed.reason());
            }
            case EXTENSION -> ProcessingForms.extension(facts(d, last(d, "extend").orElseThrow()),
                    deadlines.extension(d.id()).orElseThrow(() -> new NotFoundException("document", name)));
            case STOP_NOTICE -> ProcessingForms.stop(facts(d, last(d, "stop").orElseThrow()));
            case CONTROL_SLIP -> ProcessingForms.controlSlip(facts(d, d.history().getLast()), steps.steps(d.id()),
                    this::agencyName);
            default -> RefusalForm.render(facts(d, last(d, "refuse").orElseThrow()));
        };
    }

    /** The file name offered on download, e.g. receipt-H29-261123-000001-K7QXM.pdf. */
    public static String fileName(Dossier d, String name) {
        return name + "-" + (d.code() == null ? String.valueOf(d.id()) : d.code()) + ".pdf";
    }

    private FormFacts facts(Dossier d, HistoryEntry step) {
        String agencyName = d.agencyCode();
        String parentName = null;
        if (agencies.exists(d.agencyCode())) {
            Agency agency = agencies.get(d.agencyCode());
            agencyName = agency.name();
            if (agency.parentCode() != null && agencies.exists(agency.parentCode())) {
                parentName = agencies.get(agency.parentCode()).name();
            }
        }
        return new FormFacts(d, procedures.get(d.procedureCode()), agencyName, parentName,
                step.actorName() != null ? step.actorName() : step.actor(), step.at(),
                calendar.zone());
    }

    /** An agency's name for printing; the code when the directory does not know it. */
    public String agencyName(String code) {
        return code != null && agencies.exists(code) ? agencies.get(code).name() : code;
    }

    /** The name of the agency above this one (the ward's People's Committee above its office), or null. */
    public String parentAgencyName(String code) {
        if (code == null || !agencies.exists(code)) {
            return null;
        }
        String parent = agencies.get(code).parentCode();
        return parent != null && agencies.exists(parent) ? agencies.get(parent).name() : null;
    }

    private static Optional<HistoryEntry> last(Dossier d, String action) {
        List<HistoryEntry> history = d.history() == null ? List.of() : d.history();
        return history.stream().filter(h -> action.equals(h.action())).reduce((a, b) -> b.at().isBefore(a.at()) ? a : b);
    }

    /** A supplement request as the history keeps it: the official's comment, then "- item" lines. */
    record Request(List<String> items, String reason) {

        static Request of(String comment) {
            if (comment == null) {
                return new Request(List.of(), null);
            }
            List<String> items = new ArrayList<>();
            List<String> reason = new ArrayList<>();
            for (String line : Arrays.asList(comment.split("\\R"))) {
                if (line.startsWith("- ")) {
                    items.add(line.substring(2));
                } else if (!line.isBlank()) {
                    reason.add(line.strip());
                }
            }
            return new Request(items, reason.isEmpty() ? null : String.join(" ", reason));
        }
    }
}
