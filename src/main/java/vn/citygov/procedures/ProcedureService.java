package vn.citygov.procedures;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import vn.citygov.procedures.internal.ProcedureCaches;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.directory.AgencyService;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;
import vn.citygov.platform.error.ConflictException;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CurrentUser;
import vn.citygov.procedures.internal.ProcedureRepository;
import vn.citygov.procedures.internal.WorkflowRepository;
import vn.citygov.procedures.internal.SearchText;

/**
 * Reads and changes the procedure catalogue. Reads are public; creating, updating, importing and
 * exporting need {@code procedures.manage} citywide, checked here whatever the way in.
 */
@Service
@Transactional(readOnly = true)
public class ProcedureService {

    static final String MANAGE = "procedures.manage";
    static final int MAX_IMPORT = 2000;

    private final ProcedureRepository procedures;
    private final ApplicationEventPublisher events;
    private final ProcedureChecks checks;

    ProcedureService(ProcedureRepository procedures, AgencyService agencies, FormSchemaValidator forms,
            ApplicationEventPublisher events, WorkflowRepository workflows) {
        this.procedures = procedures;
        this.events = events;
        this.checks = new ProcedureChecks(forms, procedures::fieldExists, agencies::exists, workflows::exists);
    }

    public PageResult<ProcedureSummary> search(String q, String field, String agency, String level, String onlineLevel,
            PageQuery page) {
        var filter = new ProcedureRepository.Filter(SearchText.query(q), refFilter("field", field),
                refFilter("agency", agency), choice("level", level, Procedure.LEVELS),
                choice("onlineLevel", onlineLevel, Procedure.ONLINE_LEVELS), false);
        // Exact words first; only when they find nothing, look for similar spellings ("khai sinhh").
        long total = procedures.count(filter);
        if (total == 0 && !filter.q().isEmpty()) {
            filter = filter.fuzzily();
            total = procedures.count(filter);
        }
        List<ProcedureSummary> items = total == 0 ? List.of() : procedures.search(filter, page.size(), page.offset());
        return PageResult.of(items, total, page);
    }

    // The default key (the code itself) needs no expression to evaluate on every call, unlike key = "#code".
    @Cacheable(ProcedureCaches.PROCEDURES)
    public Procedure get(String code) {
        if (code == null || !ProcedureChecks.CODE.matcher(code).matches()) {
            throw new NotFoundException("procedure", code);
        }
        return procedures.find(code).orElseThrow(() -> new NotFoundException("procedure", code));
    }

    public List<ProcedureField> fields() {
        return procedures.fields();
    }

    public boolean canManage() {
        return CurrentUser.get().map(u -> u.canCitywide(MANAGE)).orElse(false);
    }

    @Transactional
    public Procedure create(ProcedureInput input) {
        requireManage();
        ProcedureInput in = checked(input);
        if (!procedures.insert(toProcedure(in, 0), searchKey(in))) {
            throw new ConflictException("procedures.error.duplicate-code", in.code());
        }
        events.publishEvent(new ProcedureChanged(in.code(), "created", values(toProcedure(in, 0)), in.agencyCode()));
        return get(in.code());
    }

    @Transactional
    public Procedure update(String code, ProcedureInput input) {
        requireManage();
        get(code);
        if (input == null) {
            throw new InvalidProcedureException(List.of(new FieldError("body", "required")));
        }
        ProcedureInput in = checked(new ProcedureInput(input.code() == null ? code : input.code(), input.name(),
                input.nameEn(), input.fieldCode(), input.agencyCode(), input.level(), input.onlineLevel(),
                input.processingDays(), input.feeVnd(), input.feeNote(), input.feeNoteEn(), input.legalBasis(),
                input.steps(), input.resultDocument(), input.resultDocumentEn(), input.documents(), input.form(),
                input.workflow(), input.version()));
        if (!code.equals(in.code())) {
            throw new InvalidInputException("code", "procedures.error.code-changed");
        }
        if (in.version() == null) {
            throw new InvalidInputException("version", "validation.required");
        }
        Procedure current = procedures.findForUpdate(code).orElseThrow(() -> new NotFoundException("procedure", code));
        if (current.version() != in.version()) {
            throw new OptimisticLockingFailureException("procedure " + code + " changed since version " + in.version());
        }
        store(in, current);
        return get(code);
    }

    /**
     * Creates or updates every procedure of the list, or none: one invalid entry refuses the whole
     * import with the index and field of each problem. Versions in the entries are ignored.
     */
    @Transactional
    public ImportReport importAll(List<ProcedureInput> entries) {
        requireManage();
        return load(entries);
    }

    /** The catalogue in its round-trippable form, in code order. */
    public List<ProcedureInput> export() {
        requireManage();
        return procedures.all().stream().map(Procedure::toInput).toList();
    }

    /** The catalogue with its documents, for the CSV export (which the caller shapes). */
    public List<Procedure> exportFull() {
        requireManage();
        return procedures.all();
    }

    boolean catalogueEmpty() {
        return procedures.count() == 0;
    }

    /** The import itself, without the permission check: also used to load the reference catalogue. */
    @Transactional
    ImportReport load(List<ProcedureInput> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new InvalidProcedureException(List.of(new FieldError("body", "required")));
        }
        if (entries.size() > MAX_IMPORT) {
            throw new InvalidProcedureException(List.of(new FieldError("body", "too-many")));
        }
        List<FieldError> errors = new ArrayList<>();
        List<ProcedureInput> normalized = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            ProcedureInput in = entries.get(i) == null ? null : ProcedureChecks.normalize(entries.get(i));
            errors.addAll(checks.check(in, "[" + i + "]."));
            if (in != null && in.code() != null && !codes.add(in.code())) {
                errors.add(new FieldError("[" + i + "].code", "duplicate-in-import"));
            }
            normalized.add(in);
        }
        if (!errors.isEmpty()) {
            throw new InvalidProcedureException(errors);
        }
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        for (ProcedureInput in : normalized) {
            var current = procedures.findForUpdate(in.code());
            if (current.isPresent()) {
                store(in, current.get());
                updated.add(in.code());
            } else {
                procedures.insert(toProcedure(in, 0), searchKey(in));
                events.publishEvent(new ProcedureChanged(in.code(), "created", values(toProcedure(in, 0)), in.agencyCode()));
                created.add(in.code());
            }
        }
        return new ImportReport(created, updated);
    }

    private void store(ProcedureInput in, Procedure current) {
        Procedure next = toProcedure(in, current.version());
        Map<String, Object> diff = diff(values(withDocuments(current)), values(next));
        if (diff.isEmpty()) {
            return;
        }
        if (!procedures.update(next, current.version(), searchKey(in))) {
            throw new OptimisticLockingFailureException("procedure " + in.code() + " changed meanwhile");
        }
        events.publishEvent(new ProcedureChanged(in.code(), "updated", diff, in.agencyCode()));
    }

    // findForUpdate reads without documents; the full read gives them for the comparison.
    private Procedure withDocuments(Procedure current) {
        return procedures.find(current.code()).orElse(current);
    }

    private ProcedureInput checked(ProcedureInput input) {
        if (input == null) {
            throw new InvalidProcedureException(List.of(new FieldError("body", "required")));
        }
        ProcedureInput in = ProcedureChecks.normalize(input);
        List<FieldError> errors = checks.check(in, "");
        if (!errors.isEmpty()) {
            throw new InvalidProcedureException(errors);
        }
        return in;
    }

    private static Procedure toProcedure(ProcedureInput in, int version) {
        return new Procedure(in.code(), in.name(), in.nameEn(), in.fieldCode(), in.agencyCode(), in.level(),
                in.onlineLevel(), in.processingDays(), in.feeVnd(), in.feeNote(), in.feeNoteEn(), in.legalBasis(),
                List.copyOf(in.steps()), in.resultDocument(), in.resultDocumentEn(),
                in.documents() == null ? List.of() : List.copyOf(in.documents()), in.form(), in.workflow(), version);
    }

    private static String searchKey(ProcedureInput in) {
        return SearchText.key(in.code(), in.name(), in.nameEn());
    }

    /** What the audit trail shows: the main values, and the parts as a whole. */
    private static Map<String, Object> values(Procedure p) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", p.name());
        map.put("nameEn", p.nameEn());
        map.put("fieldCode", p.fieldCode());
        map.put("agencyCode", p.agencyCode());
        map.put("level", p.level());
        map.put("onlineLevel", p.onlineLevel());
        map.put("processingDays", p.processingDays());
        map.put("feeVnd", p.feeVnd());
        map.put("feeNote", p.feeNote());
        map.put("feeNoteEn", p.feeNoteEn());
        map.put("legalBasis", p.legalBasis());
        map.put("resultDocument", p.resultDocument());
        map.put("resultDocumentEn", p.resultDocumentEn());
        map.put("steps", p.steps());
        map.put("documents", p.documents());
        map.put("form", p.form());
        map.put("workflow", p.workflow());
        map.values().removeIf(Objects::isNull);
        return map;
    }

    private static Map<String, Object> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        Set<String> keys = new java.util.LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", before.get(key));
                change.put("to", after.get(key));
                changes.put(key, change);
            }
        }
        return changes;
    }

    private static void requireManage() {
        if (!CurrentUser.get().map(u -> u.canCitywide(MANAGE)).orElse(false)) {
            throw new ForbiddenException();
        }
    }

    private static String refFilter(String name, String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        if (!ProcedureChecks.REF_CODE.matcher(value.strip()).matches()) {
            throw new InvalidInputException(name, "procedures.error.code");
        }
        return value.strip();
    }

    private static String choice(String name, String value, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return "";
        }
        if (!allowed.contains(value.strip())) {
            throw new InvalidInputException(name, "procedures.error.value");
        }
        return value.strip();
    }
}
