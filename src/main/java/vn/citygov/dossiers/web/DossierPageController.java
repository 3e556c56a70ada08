package vn.citygov.dossiers.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.citygov.directory.AdminUnitService;
import vn.citygov.dossiers.Dossier;
import vn.citygov.dossiers.DossierAction;
import vn.citygov.dossiers.DossierRating;
import vn.citygov.dossiers.DossierService;
import vn.citygov.dossiers.DossierStatusLookup;
import vn.citygov.dossiers.QueueItem;
import vn.citygov.dossiers.QueuePage;
import vn.citygov.dossiers.QueueQuery;
import vn.citygov.dossiers.WorkQueue;
import vn.citygov.dossiers.InvalidDossierException;
import vn.citygov.dossiers.NewDossier;
import vn.citygov.dossiers.Workflow;
import vn.citygov.dossiers.internal.DossierPayments;
import vn.citygov.dossiers.internal.documents.PaymentReceipts;
import vn.citygov.files.FileService;
import vn.citygov.files.StoredFile;
import vn.citygov.dossiers.internal.documents.ReceptionDocuments;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.error.CityGovException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.web.NavigationItem;
import vn.citygov.procedures.FormField;
import vn.citygov.procedures.Procedure;
import vn.citygov.procedures.ProcedureService;
import vn.citygov.procedures.ProcedureSummary;

/** Pages: my dossiers, a dossier with its history and actions, the submission form, the work queue and the public lookup. */
@Controller
class DossierPageController {

    static final int PAGE_SIZE = 20;
    /** Stands for a refused file in a filing, so the filing fails on that document whatever else is right. */
    private static final UUID NO_FILE = new UUID(0, 0);
    /** Repeating groups are shown as this many rows; empty rows are dropped on submission. */
    static final int GROUP_ROWS = 3;
    /** Actions that need no more than a click: offered as buttons in the queue. */
    static final List<String> QUICK_ACTIONS = List.of("accept", "start", "approve", "issue_result", "return_result");

    private final DossierService dossiers;
    private final ProcedureService procedures;
    private final AdminUnitService adminUnits;
    private final vn.citygov.directory.AgencyService agencies;
    private final MessageSource messages;
    private final ReceptionDocuments documents;
    private final WorkQueue workQueue;
    private final PaymentReceipts receipts;
    private final FileService files;
    private final DossierPayments payments;
    private final DossierStatusLookup lookup;

    DossierPageController(DossierService dossiers, ProcedureService procedures, AdminUnitService adminUnits,
            vn.citygov.directory.AgencyService agencies, MessageSource messages, ReceptionDocuments documents,
            WorkQueue workQueue, PaymentReceipts receipts, FileService files, DossierPayments payments,
            DossierStatusLookup lookup) {
        this.lookup = lookup;
        this.files = files;
        this.payments = payments;
        this.workQueue = workQueue;
        this.receipts = receipts;
        this.agencies = agencies;
        this.documents = documents;
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.adminUnits = adminUnits;
        this.messages = messages;
    }

    @Bean
    static NavigationItem myDossiersNavigation() {
        return new NavigationItem(40, "nav.dossiers", "/dossiers", null, true);
    }

    @Bean
    static NavigationItem lookupNavigation() {
        return NavigationItem.open(45, "nav.lookup", "/lookup");
    }

    @Bean
    static NavigationItem queueNavigation() {
        return NavigationItem.forPermission(30, "nav.queue", "/work-queue", DossierService.RECEIVE);
    }

    @GetMapping("/lookup")
    String lookup(@RequestParam(required = false) String code, Model model) {
        String c = code == null ? "" : code.strip();
        model.addAttribute("code", c);
        if (!c.isEmpty()) {
            try {
                model.addAttribute("status", lookup.status(c));
            } catch (NotFoundException e) {
                model.addAttribute("notFound", true);
            }
        }
        return "dossiers/lookup";
    }

    @GetMapping("/dossiers")
    String mine(@RequestParam(required = false) String state, @RequestParam(defaultValue = "0") int page, Model model) {
        String filter = state != null && Workflow.STATES.contains(state) ? state : null;
        model.addAttribute("state", filter);
        model.addAttribute("states", Workflow.STATES);
        model.addAttribute("official", dossiers.hasQueue());
        model.addAttribute("results", dossiers.list(filter, null, new PageQuery(Math.max(page, 0), PAGE_SIZE)));
        return "dossiers/mine";
    }

    /**
     * The agency's open dossiers, newest first, with one-click actions. One query for the rows (keyset paging by
     * submission time and id); totals and badges come from the work queue's short-lived counts.
     */
    @GetMapping("/work-queue")
    String queue(@RequestParam(required = false) String state, @RequestParam(required = false) String after,
            @RequestParam(required = false) String before, Model model) {
        String filter = state != null && Workflow.STATES.contains(state) ? state : null;
        if (!dossiers.hasQueue()) {
            throw new vn.citygov.platform.error.ForbiddenException();
        }
        QueuePage results;
        try {
            results = workQueue.find(new QueueQuery("agency", null, filter, null, null, null, null, null, "submitted",
                    null, PAGE_SIZE, null, after, before));
        } catch (InvalidInputException e) {
            // A stale or edited cursor: the first page rather than an error.
            results = workQueue.find(new QueueQuery("agency", null, filter, null, null, null, null, null, "submitted",
                    null, PAGE_SIZE, null));
        }
        Map<Long, List<String>> quick = new LinkedHashMap<>();
        for (QueueItem s : results.items()) {
            quick.put(s.id(), Workflow.from(s.state()).stream().map(Workflow.Transition::action)
                    .filter(QUICK_ACTIONS::contains).filter(a -> dossiers.mayTake(s.id(), s.agencyCode(), a)).toList());
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        results.counts().forEach((k, v) -> {
            if (Workflow.STATES.contains(k)) {
                counts.put(k, v);
            }
        });
        model.addAttribute("state", filter);
        model.addAttribute("counts", counts);
        model.addAttribute("results", results);
        model.addAttribute("capped", results.totalCapped());
        model.addAttribute("quick", quick);
        return "dossiers/queue";
    }

    @GetMapping("/dossiers/{id}")
    String dossier(@PathVariable long id, Model model) {
        Dossier d = dossiers.get(id);
        model.addAttribute("d", d);
        Procedure p = procedures.get(d.procedureCode());
        model.addAttribute("procedure", p);
        model.addAttribute("agency", agencies.exists(d.agencyCode()) ? agencies.get(d.agencyCode()) : null);
        List<ValueLine> lines = new ArrayList<>();
        lines(p.form().fields(), d.values(), "", lines);
        model.addAttribute("lines", lines);
        model.addAttribute("documents", documents.available(d));
        return "dossiers/dossier";
    }

    /** The reception documents for signed-in pages (the API is token-only); same access as the dossier. */
    @GetMapping("/dossiers/{id}/documents/{name}.pdf")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable String name) {
        Dossier d = dossiers.get(id);
        if (!ReceptionDocuments.NAMES.contains(name)) {
            throw new NotFoundException("document", name);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(ReceptionDocuments.fileName(d, name)).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(documents.pdf(d, name));
    }

    /** The payment receipt (biên lai) for signed-in pages; same access as the dossier, 409 page before payment. */
    @GetMapping("/dossiers/{id}/payment-receipt.pdf")
    ResponseEntity<byte[]> paymentReceipt(@PathVariable long id) {
        Dossier d = dossiers.get(id);
        byte[] pdf = receipts.pdf(d);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(receipts.fileName(d)).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(pdf);
    }

    /** The submitted values as label/text lines, groups numbered, in the schema's order. */
    private static void lines(List<FormField> fields, Map<?, ?> values, String prefix, List<ValueLine> lines) {
        boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        for (FormField f : fields) {
            Object value = values.get(f.name());
            if (value == null) {
                continue;
            }
            String label = prefix + (en ? f.labelEn() : f.label());
            if (value instanceof List<?> rows) {
                for (int i = 0; i < rows.size(); i++) {
                    if (rows.get(i) instanceof Map<?, ?> row) {
                        lines(f.fields(), row, label + " " + (i + 1) + " — ", lines);
                    }
                }
            } else if (value instanceof Map<?, ?> address) {
                Object street = address.get("street");
                Object unit = address.get("adminUnitCode");
                lines.add(new ValueLine(label, (street == null ? "" : street + ", ") + (unit == null ? "" : unit)));
            } else if ("select".equals(f.type())) {
                String text = f.options().stream().filter(o -> o.value().equals(value))
                        .map(o -> en ? o.labelEn() : o.label()).findFirst().orElse(String.valueOf(value));
                lines.add(new ValueLine(label, text));
            } else {
                lines.add(new ValueLine(label, String.valueOf(value)));
            }
        }
    }

    /** One submitted value as the dossier page shows it. */
    record ValueLine(String label, String text) {
    }

    @PostMapping("/dossiers/{id}/actions")
    String act(@PathVariable long id, @RequestParam String action, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String comment, @RequestParam(required = false) String items,
            @RequestParam(required = false) String back, @RequestParam(required = false) String assignee,
            RedirectAttributes redirect) {
        List<String> list = items == null ? null
                : Arrays.stream(items.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        try {
            dossiers.act(id, new DossierAction(action, version, comment, list, null, assignee));
            redirect.addFlashAttribute("done", action);
        } catch (InvalidDossierException e) {
            redirect.addFlashAttribute("actionError", e.problems().stream().map(p -> message(p.messageKey())).toList());
        } catch (CityGovException e) {
            if (e instanceof NotFoundException || e.status().value() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("actionError", List.of(message(e.messageKey(), e.arguments())));
        }
        return "queue".equals(back) ? "redirect:/work-queue" : "redirect:/dossiers/" + id;
    }

    @PostMapping("/dossiers/{id}/rating")
    String rate(@PathVariable long id, @RequestParam(required = false) String score,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        Integer value = parseInteger(score);
        try {
            dossiers.rate(id, new DossierRating(value, comment));
            redirect.addFlashAttribute("rated", true);
        } catch (InvalidDossierException e) {
            redirect.addFlashAttribute("actionError", e.problems().stream().map(p -> message(p.messageKey())).toList());
        } catch (CityGovException e) {
            if (e instanceof NotFoundException || e.status().value() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("actionError", List.of(message(e.messageKey(), e.arguments())));
        }
        return "redirect:/dossiers/" + id;
    }

    @GetMapping("/dossiers/{id}/supplement")
    String supplementForm(@PathVariable long id, Model model) {
        Dossier d = dossiers.get(id);
        if (!d.actions().contains("supplement")) {
            return "redirect:/dossiers/" + id;
        }
        Map<String, String> entered = new LinkedHashMap<>();
        flatten(d.values(), "values.", entered);
        return supplementPage(d, entered, List.of(), model);
    }

    @PostMapping("/dossiers/{id}/supplement")
    String supplement(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        Dossier d = dossiers.get(id);
        Procedure p = procedures.get(d.procedureCode());
        Integer version = parseInteger(first(params, "version"));
        try {
            dossiers.act(id, new DossierAction("supplement", version, first(params, "comment"), null,
                    values(p.form().fields(), params, "values.")));
            redirect.addFlashAttribute("done", "supplement");
            return "redirect:/dossiers/" + id;
        } catch (InvalidDossierException e) {
            List<FieldMessage> errors = e.problems().stream()
                    .map(pr -> new FieldMessage(pr.field(), message(pr.messageKey()))).toList();
            model.addAttribute("summary", errors.stream()
                    .map(m -> new FieldMessage(m.field(), labelOf(p, m.field()) + ": " + m.message())).toList());
            return supplementPage(d, params.toSingleValueMap(), errors, model);
        } catch (CityGovException e) {
            if (e instanceof NotFoundException || e.status().value() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("actionError", List.of(message(e.messageKey(), e.arguments())));
            return "redirect:/dossiers/" + id;
        }
    }

    private String supplementPage(Dossier d, Map<String, String> entered, List<FieldMessage> errors, Model model) {
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        errors.forEach(e -> fieldErrors.putIfAbsent(e.field(), e.message()));
        model.addAttribute("d", d);
        model.addAttribute("p", procedures.get(d.procedureCode()));
        model.addAttribute("entered", entered);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("summary")) {
            model.addAttribute("summary", errors);
        }
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("groupRows", GROUP_ROWS);
        return "dossiers/supplement";
    }

    /** The inverse of {@link #values}: stored values as the form's flat names, to prefill the e-form. */
    static void flatten(Map<?, ?> values, String prefix, Map<String, String> into) {
        for (var e : values.entrySet()) {
            String name = prefix + e.getKey();
            switch (e.getValue()) {
                case Map<?, ?> map -> flatten(map, name + ".", into);
                case List<?> rows -> {
                    for (int i = 0; i < rows.size(); i++) {
                        if (rows.get(i) instanceof Map<?, ?> row) {
                            flatten(row, name + "[" + i + "].", into);
                        }
                    }
                }
                case null -> { }
                default -> into.put(name, e.getValue() instanceof BigDecimal b ? b.toPlainString()
                        : String.valueOf(e.getValue()));
            }
        }
    }

    private static Integer parseInteger(String text) {
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @GetMapping("/dossiers/new")
    String newDossier(@RequestParam(required = false) String procedure, Model model) {
        if (procedure == null || procedure.isBlank()) {
            model.addAttribute("choices", dossiers.receivesAtCounter() ? allProcedures() : onlineProcedures());
            return "dossiers/choose";
        }
        Procedure p = procedures.get(procedure.strip());
        return form(p, Map.of("delivery", "desk"), List.of(), model);
    }

    /**
     * Files the form. Online, the required documents may come in the same multipart form, one file input per
     * upload document ({@code documents[i]}): each goes through the files module's checks (type sniffed, size
     * capped, virus-scan hook) like an upload to the API. Any problem, with a file or the form, shows the form
     * again with every error and the values entered, and keeps nothing: the uploads of this attempt are deleted
     * and no dossier is filed.
     */
    @PostMapping("/dossiers/new")
    String submit(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request, Model model) {
        Procedure p = procedures.get(first(params, "procedureCode"));
        Map<String, Object> values = values(p.form().fields(), params, "values.");
        // Desk officials file at the counter for the person in front of them; others file online for themselves.
        boolean counter = dossiers.receivesAtCounter();
        Map<String, String> fileErrors = new LinkedHashMap<>();
        List<StoredFile> uploaded = new ArrayList<>();
        List<NewDossier.DocumentRef> refs = counter ? null
                : uploads(p, request, uploaded, fileErrors);
        try {
            Dossier d = dossiers.submit(new NewDossier(p.code(), values, first(params, "delivery"),
                    first(params, "postalAddress"), first(params, "adminUnitCode"), counter ? "counter" : "online",
                    counter ? first(params, "applicantName") : null, refs));
            return afterFiling(d, counter);
        } catch (InvalidDossierException e) {
            forget(uploaded);
            List<FieldMessage> errors = e.problems().stream()
                    .map(pr -> new FieldMessage(pr.field(), fileErrors.getOrDefault(pr.field(), message(pr.messageKey()))))
                    .toList();
            model.addAttribute("summary", errors.stream()
                    .map(m -> new FieldMessage(m.field(), labelOf(p, m.field()) + ": " + m.message())).toList());
            return form(p, params.toSingleValueMap(), errors, model);
        } catch (InvalidInputException e) {
            forget(uploaded);
            return form(p, params.toSingleValueMap(), List.of(new FieldMessage(e.field(), message(e.messageKey()))),
                    model);
        } catch (RuntimeException e) {
            forget(uploaded);
            throw e;
        }
    }

    /**
     * Keeps each file given for an upload document of the procedure as an upload of the applicant's. A refused
     * file is named by a reference to no file at all, so the filing fails with that document's error next to
     * the form's other errors; its message is the files module's reason ({@code fileErrors}).
     */
    private List<NewDossier.DocumentRef> uploads(Procedure p, HttpServletRequest request, List<StoredFile> uploaded,
            Map<String, String> fileErrors) {
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            return null;
        }
        List<NewDossier.DocumentRef> refs = new ArrayList<>();
        for (int i = 0; i < p.documents().size(); i++) {
            MultipartFile file = multipart.getFile("documents[" + i + "]");
            // An input left empty still sends a part, without a name and without content.
            if (file == null || !"upload".equals(p.documents().get(i).kind())
                    || (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
                continue;
            }
            try (InputStream in = file.getInputStream()) {
                StoredFile stored = files.upload(in, file.getOriginalFilename(), false);
                uploaded.add(stored);
                refs.add(new NewDossier.DocumentRef(i, stored.id(), null));
            } catch (CityGovException e) {
                fileErrors.put("documents[" + i + "]", message(e.messageKey(), e.arguments()));
                refs.add(new NewDossier.DocumentRef(i, NO_FILE, null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return refs;
    }

    /** With a fee, straight on to the payment gateway, as after submitting a draft; else the dossier. */
    private String afterFiling(Dossier d, boolean counter) {
        try {
            DossierPayments.DossierPayment payment = counter ? null : payments.startIfDue(d);
            if (payment != null) {
                return "redirect:" + payment.redirectUrl();
            }
        } catch (CityGovException e) {
            // Filed all the same: the dossier page offers the payment again.
        }
        return "redirect:/dossiers/" + d.id() + "?submitted";
    }

    /** The uploads of a failed attempt: deleted, so nothing of it stays behind. */
    private void forget(List<StoredFile> uploaded) {
        for (StoredFile f : uploaded) {
            try {
                files.delete(f.id());
            } catch (CityGovException e) {
                // Already gone: nothing left to remove.
            }
        }
    }

    /** Unknown dossiers and refused access get the platform's error page with the right status. */
    @org.springframework.web.bind.annotation.ExceptionHandler(CityGovException.class)
    void failed(CityGovException ex, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        response.sendError(ex.status().value());
    }

    private String form(Procedure p, Map<String, String> entered, List<FieldMessage> errors, Model model) {
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        errors.forEach(e -> fieldErrors.putIfAbsent(e.field(), e.message()));
        model.addAttribute("p", p);
        model.addAttribute("entered", entered);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("summary")) {
            model.addAttribute("summary", errors);
        }
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("groupRows", GROUP_ROWS);
        model.addAttribute("counter", dossiers.receivesAtCounter());
        model.addAttribute("fee", dossiers.feeToday(p.code()));
        model.addAttribute("units", p.ward() ? adminUnits.all() : List.of());
        model.addAttribute("deliveries", DossierService.DELIVERIES);
        return "dossiers/new";
    }

    /** The label a person sees for an error path, so the error summary says which field is wrong. */
    private String labelOf(Procedure p, String path) {
        boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        if (path.matches("documents\\[\\d{1,3}\\]")) {
            Procedure.RequiredDocument doc = p.documents().get(Integer.parseInt(path.replaceAll("\\D", "")));
            return en && doc.nameEn() != null ? doc.nameEn() : doc.name();
        }
        if (!path.startsWith("values.")) {
            return message(switch (path) {
                case "adminUnitCode" -> "dossiers.new.ward";
                case "applicantName" -> "dossiers.new.applicant";
                case "postalAddress" -> "dossiers.new.postal";
                default -> "dossiers.field.delivery";
            });
        }
        List<String> labels = new ArrayList<>();
        List<FormField> fields = p.form().fields();
        for (String part : path.substring("values.".length()).split("\\.")) {
            String name = part.replaceAll("\\[.*$", "");
            FormField f = fields.stream().filter(x -> name.equals(x.name())).findFirst().orElse(null);
            if (f == null) {
                labels.add(message(name.equals("adminUnitCode") ? "dossiers.new.unit-code" : "procedures.form.address.street"));
                break;
            }
            labels.add((en ? f.labelEn() : f.label()) + (part.matches(".*\\[\\d{1,3}\\]")
                    ? " " + (Integer.parseInt(part.replaceAll("^.*\\[(\\d+)\\]$", "$1")) + 1) : ""));
            fields = f.fields();
        }
        return String.join(" — ", labels);
    }

    /** Rebuilds the JSON-shaped values from the form's flat names: values.x, values.addr.street, values.group[0].y. */
    static Map<String, Object> values(List<FormField> fields, MultiValueMap<String, String> params, String prefix) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FormField f : fields) {
            String name = prefix + f.name();
            switch (f.type()) {
                case "group" -> {
                    List<Object> rows = new ArrayList<>();
                    for (int i = 0; i < GROUP_ROWS; i++) {
                        Map<String, Object> row = values(f.fields(), params, name + "[" + i + "].");
                        if (!row.isEmpty()) {
                            rows.add(row);
                        }
                    }
                    if (!rows.isEmpty()) {
                        values.put(f.name(), rows);
                    }
                }
                case "address" -> {
                    Map<String, Object> address = new LinkedHashMap<>();
                    putIfPresent(address, "adminUnitCode", first(params, name + ".adminUnitCode"));
                    putIfPresent(address, "street", first(params, name + ".street"));
                    if (!address.isEmpty()) {
                        values.put(f.name(), address);
                    }
                }
                case "number" -> {
                    String text = first(params, name);
                    if (text != null) {
                        try {
                            values.put(f.name(), new BigDecimal(text));
                        } catch (NumberFormatException e) {
                            values.put(f.name(), text);
                        }
                    }
                }
                default -> putIfPresent(values, f.name(), first(params, name));
            }
        }
        return values;
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String first(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private List<ProcedureSummary> allProcedures() {
        List<ProcedureSummary> all = new ArrayList<>();
        for (int page = 0; page < 50; page++) {
            var found = procedures.search(null, null, null, null, null, new PageQuery(page, PageQuery.MAX_SIZE));
            all.addAll(found.items());
            if ((long) (page + 1) * PageQuery.MAX_SIZE >= found.total()) {
                break;
            }
        }
        return all;
    }

    private List<ProcedureSummary> onlineProcedures() {
        List<ProcedureSummary> all = new ArrayList<>();
        for (String level : List.of("full_online", "partial_online")) {
            all.addAll(procedures.search(null, null, null, null, level, new PageQuery(0, PageQuery.MAX_SIZE)).items());
        }
        return all;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** A field error as the error summary shows it. */
    record FieldMessage(String field, String message) {
    }
}
