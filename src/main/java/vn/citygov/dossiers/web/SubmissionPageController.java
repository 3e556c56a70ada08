package vn.citygov.dossiers.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.citygov.directory.AdminUnitService;
import vn.citygov.dossiers.DossierService;
import vn.citygov.dossiers.InvalidDossierException;
import vn.citygov.dossiers.internal.DocumentStore;
import vn.citygov.dossiers.internal.DossierAttachments;
import vn.citygov.dossiers.internal.DossierDrafts;
import vn.citygov.dossiers.internal.DossierDrafts.Draft;
import vn.citygov.dossiers.internal.DossierDrafts.DraftInput;
import vn.citygov.dossiers.internal.DossierPayments;
import vn.citygov.dossiers.internal.ResultDocuments;
import vn.citygov.dossiers.internal.Shipments;
import vn.citygov.files.FileDownloads;
import vn.citygov.platform.error.CityGovException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.procedures.Procedure;
import vn.citygov.procedures.ProcedureService;

/**
 * Pages of online submission: drafts (save, resume, documents, submit, delete), then the payment; on a dossier,
 * downloading its documents and result, scanning paper documents at the desk, signing off the result and handing
 * it to the post; the personal document store.
 */
@Controller
class SubmissionPageController {

    private final DossierDrafts drafts;
    private final DossierAttachments attachments;
    private final DossierPayments payments;
    private final ResultDocuments results;
    private final Shipments shipments;
    private final DocumentStore documentStore;
    private final DossierService dossiers;
    private final ProcedureService procedures;
    private final AdminUnitService adminUnits;
    private final MessageSource messages;

    SubmissionPageController(DossierDrafts drafts, DossierAttachments attachments, DossierPayments payments,
            ResultDocuments results, Shipments shipments, DocumentStore documentStore, DossierService dossiers,
            ProcedureService procedures, AdminUnitService adminUnits, MessageSource messages) {
        this.drafts = drafts;
        this.attachments = attachments;
        this.payments = payments;
        this.results = results;
        this.shipments = shipments;
        this.documentStore = documentStore;
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.adminUnits = adminUnits;
        this.messages = messages;
    }

    // ---- drafts ----

    /** "Save draft" on the submission form: the values as entered, nothing checked as complete. */
    @PostMapping("/dossiers/drafts")
    String create(@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
        Procedure p = procedures.get(first(params, "procedureCode"));
        Draft draft = drafts.create(input(p, params, null));
        redirect.addFlashAttribute("draftSaved", true);
        return "redirect:/dossiers/drafts/" + draft.id();
    }

    @GetMapping("/dossiers/drafts/{id}")
    String draft(@PathVariable long id, Model model) {
        Draft draft = drafts.get(id);
        model.addAttribute("draft", draft);
        model.addAttribute("fee", dossiers.feeToday(draft.procedureCode()));
        return "dossiers/draft";
    }

    /** The submission form again, filled with the draft's values. */
    @GetMapping("/dossiers/drafts/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Draft draft = drafts.get(id);
        Procedure p = procedures.get(draft.procedureCode());
        Map<String, String> entered = new LinkedHashMap<>();
        flatten(draft.values(), "values.", entered);
        putIfPresent(entered, "delivery", draft.delivery());
        putIfPresent(entered, "postalAddress", draft.postalAddress());
        putIfPresent(entered, "adminUnitCode", draft.adminUnitCode());
        model.addAttribute("p", p);
        model.addAttribute("entered", entered);
        model.addAttribute("errors", List.of());
        model.addAttribute("summary", List.of());
        model.addAttribute("fieldErrors", Map.of());
        model.addAttribute("groupRows", DossierPageController.GROUP_ROWS);
        model.addAttribute("counter", false);
        model.addAttribute("fee", dossiers.feeToday(p.code()));
        model.addAttribute("units", p.ward() ? adminUnits.all() : List.of());
        model.addAttribute("deliveries", DossierService.DELIVERIES);
        model.addAttribute("draft", draft);
        return "dossiers/new";
    }

    @PostMapping("/dossiers/drafts/{id}")
    String save(@PathVariable long id, @RequestParam MultiValueMap<String, String> params,
            RedirectAttributes redirect) {
        Draft draft = drafts.get(id);
        Procedure p = procedures.get(draft.procedureCode());
        try {
            drafts.update(id, input(p, params, parseInteger(first(params, "version"))));
            redirect.addFlashAttribute("draftSaved", true);
        } catch (CityGovException e) {
            rethrowAccess(e);
            redirect.addFlashAttribute("draftErrors", errors(p, e));
        }
        return "redirect:/dossiers/drafts/" + id;
    }

    @PostMapping("/dossiers/drafts/{id}/attachments")
    String upload(@PathVariable long id, @RequestParam(required = false) Integer documentIndex,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        Draft draft = drafts.get(id);
        try (InputStream content = file == null || file.isEmpty() ? InputStream.nullInputStream() : file.getInputStream()) {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "dossiers.error.file-required");
            }
            drafts.upload(id, documentIndex, content, file.getOriginalFilename());
            redirect.addFlashAttribute("uploaded", documentIndex);
        } catch (CityGovException e) {
            rethrowAccess(e);
            redirect.addFlashAttribute("draftErrors", errors(procedures.get(draft.procedureCode()), e));
        }
        return "redirect:/dossiers/drafts/" + id + "#documents";
    }

    @PostMapping("/dossiers/drafts/{id}/reuse")
    String reuse(@PathVariable long id, @RequestParam(required = false) Integer documentIndex,
            @RequestParam(required = false) Long storedDocumentId, RedirectAttributes redirect) {
        Draft draft = drafts.get(id);
        try {
            drafts.reuse(id, documentIndex, storedDocumentId);
            redirect.addFlashAttribute("uploaded", documentIndex);
        } catch (CityGovException e) {
            rethrowAccess(e);
            redirect.addFlashAttribute("draftErrors", errors(procedures.get(draft.procedureCode()), e));
        }
        return "redirect:/dossiers/drafts/" + id + "#documents";
    }

    @PostMapping("/dossiers/drafts/{id}/attachments/{attachmentId}/remove")
    String remove(@PathVariable long id, @PathVariable long attachmentId) {
        drafts.removeAttachment(id, attachmentId);
        return "redirect:/dossiers/drafts/" + id + "#documents";
    }

    @GetMapping("/dossiers/drafts/{id}/attachments/{attachmentId}")
    ResponseEntity<InputStreamResource> draftFile(@PathVariable long id, @PathVariable long attachmentId) {
        return FileDownloads.response(drafts.download(id, attachmentId));
    }

    @PostMapping("/dossiers/drafts/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        drafts.delete(id);
        redirect.addFlashAttribute("draftDeleted", true);
        return "redirect:/dossiers";
    }

    /** Files the dossier; with a fee, straight on to the payment gateway, as the portal does. */
    @PostMapping("/dossiers/drafts/{id}/submit")
    String submit(@PathVariable long id, RedirectAttributes redirect) {
        Draft draft = drafts.get(id);
        try {
            DossierDrafts.Submitted submitted = drafts.submit(id);
            if (submitted.payment() != null) {
                return "redirect:" + submitted.payment().redirectUrl();
            }
            return "redirect:/dossiers/" + submitted.dossier().id() + "?submitted";
        } catch (CityGovException e) {
            rethrowAccess(e);
            redirect.addFlashAttribute("draftErrors", errors(procedures.get(draft.procedureCode()), e));
            return "redirect:/dossiers/drafts/" + id;
        }
    }

    // ---- a filed dossier ----

    @GetMapping("/dossiers/{id}/attachments/{attachmentId}")
    ResponseEntity<InputStreamResource> dossierFile(@PathVariable long id, @PathVariable long attachmentId) {
        return FileDownloads.response(attachments.download(id, attachmentId));
    }

    @GetMapping("/dossiers/{id}/result")
    ResponseEntity<InputStreamResource> resultFile(@PathVariable long id) {
        return FileDownloads.response(results.download(id));
    }

    @PostMapping("/dossiers/{id}/pay")
    String pay(@PathVariable long id, RedirectAttributes redirect) {
        try {
            return "redirect:" + payments.start(id).redirectUrl();
        } catch (CityGovException e) {
            rethrowAccess(e);
            redirect.addFlashAttribute("actionError", List.of(message(e.messageKey(), e.arguments())));
            return "redirect:/dossiers/" + id;
        }
    }

    @PostMapping("/dossiers/{id}/pay-at-desk")
    String payAtDesk(@PathVariable long id, RedirectAttributes redirect) {
        try {
            payments.takeAtDesk(id);
            redirect.addFlashAttribute("submissionDone", "paid-at-desk");
        } catch (CityGovException e) {
            rethrowAccess(e);
            redirect.addFlashAttribute("actionError", List.of(message(e.messageKey(), e.arguments())));
        }
        return "redirect:/dossiers/" + id;
    }

    @PostMapping("/dossiers/{id}/attachments")
    String scan(@PathVariable long id, @RequestParam(required = false) Integer documentIndex,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        return withFile(id, file, redirect, "scanned", (in, name) -> attachments.digitise(id, documentIndex, in, name));
    }

    @PostMapping("/dossiers/{id}/result")
    String sign(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        return withFile(id, file, redirect, "signed", (in, name) -> results.sign(id, in, name));
    }

    @PostMapping("/dossiers/{id}/shipment")
    String ship(@PathVariable long id, @RequestParam(required = false) String carrier,
            @RequestParam(required = false) String trackingNumber, RedirectAttributes redirect) {
        try {
            shipments.create(id, new Shipments.NewShipment(carrier, trackingNumber));
            redirect.addFlashAttribute("submissionDone", "shipped");
        } catch (CityGovException e) {
            rethrowAccess(e);
            redirect.addFlashAttribute("actionError", List.of(message(e.messageKey(), e.arguments())));
        }
        return "redirect:/dossiers/" + id;
    }

    @GetMapping("/dossiers/documents")
    String documentStore(Model model) {
        model.addAttribute("documents", documentStore.mine());
        return "dossiers/documents";
    }

    private String withFile(long id, MultipartFile file, RedirectAttributes redirect, String done, FileAction action)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "dossiers.error.file-required");
            }
            try (InputStream in = file.getInputStream()) {
                action.apply(in, file.getOriginalFilename());
            }
            redirect.addFlashAttribute("submissionDone", done);
        } catch (CityGovException e) {
            rethrowAccess(e);
            redirect.addFlashAttribute("actionError", List.of(message(e.messageKey(), e.arguments())));
        }
        return "redirect:/dossiers/" + id;
    }

    /** Unknown objects and refused access get the platform's error page with the right status. */
    @org.springframework.web.bind.annotation.ExceptionHandler(CityGovException.class)
    void failed(CityGovException ex, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        response.sendError(ex.status().value());
    }

    private static void rethrowAccess(CityGovException e) {
        if (e instanceof NotFoundException || e.status().value() == 403 || e.status().value() == 401) {
            throw e;
        }
    }

    // ---- helpers ----

    private DraftInput input(Procedure p, MultiValueMap<String, String> params, Integer version) {
        return new DraftInput(p.code(), DossierPageController.values(p.form().fields(), params, "values."),
                first(params, "delivery"), first(params, "postalAddress"), first(params, "adminUnitCode"), version);
    }

    /** Field problems as lines a person reads: which document or field, and what is wrong. */
    private List<String> errors(Procedure p, CityGovException e) {
        boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        if (!(e instanceof InvalidDossierException invalid)) {
            return List.of(message(e.messageKey(), e.arguments()));
        }
        List<String> lines = new ArrayList<>();
        for (InvalidDossierException.Problem problem : invalid.problems()) {
            String field = problem.field();
            String label;
            if (field.startsWith("documents[")) {
                Procedure.RequiredDocument doc = p.documents().get(Integer.parseInt(field.replaceAll("\\D", "")));
                label = en ? doc.nameEn() : doc.name();
            } else if (field.startsWith("values.")) {
                label = message("dossiers.draft.form") + " — " + fieldLabel(p, field.substring("values.".length()), en);
            } else {
                label = message(switch (field) {
                    case "adminUnitCode" -> "dossiers.new.ward";
                    case "postalAddress" -> "dossiers.new.postal";
                    case "delivery" -> "dossiers.field.delivery";
                    default -> "dossiers.draft.form";
                });
            }
            lines.add(label + ": " + message(problem.messageKey()));
        }
        return lines;
    }

    private static String fieldLabel(Procedure p, String path, boolean en) {
        String name = path.replaceAll("[.\\[].*$", "");
        return p.form().fields().stream().filter(f -> f.name().equals(name)).findFirst()
                .map(f -> en ? f.labelEn() : f.label()).orElse(name);
    }

    /** The draft's JSON-shaped values back to the form's flat names (the inverse of the form's parsing). */
    static void flatten(Map<?, ?> values, String prefix, Map<String, String> out) {
        for (Map.Entry<?, ?> e : values.entrySet()) {
            String name = prefix + e.getKey();
            Object v = e.getValue();
            if (v instanceof Map<?, ?> nested) {
                flatten(nested, name + ".", out);
            } else if (v instanceof List<?> rows) {
                for (int i = 0; i < rows.size(); i++) {
                    if (rows.get(i) instanceof Map<?, ?> row) {
                        flatten(row, name + "[" + i + "].", out);
                    }
                }
            } else if (v instanceof BigDecimal number) {
                out.put(name, number.toPlainString());
            } else if (v != null) {
                out.put(name, String.valueOf(v));
            }
        }
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String first(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Integer parseInteger(String text) {
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** Something done with an uploaded file. */
    @FunctionalInterface
    private interface FileAction {
        void apply(InputStream content, String name);
    }
}
