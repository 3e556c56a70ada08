package vn.citygov.dossiers.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.citygov.dossiers.BulkAction;
import vn.citygov.dossiers.Dossier;
import vn.citygov.dossiers.DossierDeadlines;
import vn.citygov.dossiers.DossierExtension;
import vn.citygov.dossiers.DossierLedger;
import vn.citygov.dossiers.DossierService;
import vn.citygov.dossiers.QueueQuery;
import vn.citygov.dossiers.WorkQueue;
import vn.citygov.dossiers.Workflow;
import vn.citygov.dossiers.internal.LedgerCsv;
import vn.citygov.dossiers.internal.documents.ReceptionDocuments;
import vn.citygov.platform.error.CityGovException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;
import vn.citygov.platform.web.NavigationItem;

/**
 * Officials' pages of step-by-step handling: my work queue with bulk claim and forward, a dossier's steps panel
 * with the new appointment (form 04), the printable control slip (form 06) and the tracking ledger (form 07).
 */
@Controller
class WorkPageController {

    private static final ZoneId CITY = ZoneId.of("Asia/Ho_Chi_Minh");

    private final WorkQueue queue;
    private final DossierService dossiers;
    private final DossierDeadlines deadlines;
    private final DossierLedger ledger;
    private final ReceptionDocuments documents;
    private final MessageSource messages;

    WorkPageController(WorkQueue queue, DossierService dossiers, DossierDeadlines deadlines, DossierLedger ledger,
            ReceptionDocuments documents, MessageSource messages) {
        this.queue = queue;
        this.dossiers = dossiers;
        this.deadlines = deadlines;
        this.ledger = ledger;
        this.documents = documents;
        this.messages = messages;
    }

    @Bean
    static NavigationItem workNavigation() {
        return NavigationItem.forPermission(31, "nav.work", "/my-work", DossierService.PROCESS);
    }

    @Bean
    static NavigationItem ledgerNavigation() {
        return NavigationItem.forPermission(33, "nav.ledger", "/ledger", DossierService.RECEIVE);
    }

    @GetMapping("/my-work")
    String work(@RequestParam(required = false) String scope, @RequestParam(required = false) String agency,
            @RequestParam(required = false) String state, @RequestParam(required = false) String step,
            @RequestParam(required = false) String procedure, @RequestParam(required = false) String due,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String handlingPoint, @RequestParam(required = false) String after,
            @RequestParam(required = false) String before, Model model) {
        QueueQuery query = new QueueQuery(scope, agency, state, step, procedure, due, channel, q, sort, page, 50,
                handlingPoint, after, before);
        model.addAttribute("handlingPoints", queue.handlingPoints());
        model.addAttribute("query", query);
        model.addAttribute("results", queue.find(query));
        model.addAttribute("states", Workflow.STATES.stream().filter(s -> !Workflow.FINAL_STATES.contains(s)).toList());
        return "dossiers/work";
    }

    /** htmx: claims or forwards the ticked dossiers, then shows each one's outcome. */
    @PostMapping("/my-work/bulk")
    String bulk(@RequestParam(required = false) String action, @RequestParam(required = false) List<String> item,
            @RequestParam(required = false) String assignee, Model model) {
        List<BulkAction.Item> items = new ArrayList<>();
        for (String i : item == null ? List.<String>of() : item) {
            String[] parts = i.split(":", 2);
            try {
                items.add(new BulkAction.Item(Long.parseLong(parts[0]), parts.length > 1 ? Integer.valueOf(parts[1]) : null));
            } catch (NumberFormatException e) {
                // A tampered value: left out, as if not ticked.
            }
        }
        try {
            model.addAttribute("results", queue.bulk(new BulkAction(action, assignee, null, items)));
        } catch (CityGovException e) {
            model.addAttribute("bulkError", message(e));
        }
        model.addAttribute("action", action);
        return "dossiers/work :: results";
    }

    /** htmx panel on the dossier page: the workflow steps and, when allowed, the new-appointment form. */
    @GetMapping("/dossiers/{id}/handling")
    String handling(@PathVariable long id, Model model) {
        Dossier d = dossiers.get(id);
        model.addAttribute("d", d);
        model.addAttribute("steps", queue.steps(id));
        model.addAttribute("extension", deadlines.extension(id).orElse(null));
        model.addAttribute("mayExtend", deadlines.mayExtend(id));
        return "dossiers/handling :: panel";
    }

    @PostMapping("/dossiers/{id}/extension")
    String extend(@PathVariable long id, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate newDueDate,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            deadlines.extend(id, new DossierExtension(version, newDueDate, reason));
            redirect.addFlashAttribute("done", "extend");
        } catch (CityGovException e) {
            if (e instanceof NotFoundException || e.status().value() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("actionError", List.of(message(e)));
        }
        return "redirect:/dossiers/" + id;
    }

    /** Form 06 as a printable page. */
    @GetMapping("/dossiers/{id}/control-slip")
    String controlSlip(@PathVariable long id, Model model) {
        model.addAttribute("d", dossiers.get(id));
        model.addAttribute("steps", queue.steps(id));
        model.addAttribute("agencyNames", new AgencyNames(documents));
        return "dossiers/control-slip";
    }

    /** Form 07 as a printable page; without an agency, the form to choose one of the official's and a period. */
    @GetMapping("/ledger")
    String ledger(@RequestParam(required = false) String agency,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        CityGovUser user = CurrentUser.get().orElseThrow(vn.citygov.platform.error.ForbiddenException::new);
        Set<String> agencies = new TreeSet<>();
        user.grants().stream().filter(g -> g.agencyCode() != null && g.permission().startsWith("dossier."))
                .forEach(g -> agencies.add(g.agencyCode()));
        LocalDate today = LocalDate.now(CITY);
        LocalDate f = from == null ? today.withDayOfMonth(1) : from;
        LocalDate t = to == null ? today : to;
        model.addAttribute("agencies", agencies);
        model.addAttribute("agency", agency);
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("agencyNames", new AgencyNames(documents));
        if (agency != null && !agency.isBlank()) {
            model.addAttribute("lines", ledger.lines(agency, f, t));
        }
        return "dossiers/ledger";
    }

    @GetMapping("/ledger.csv")
    ResponseEntity<byte[]> ledgerCsv(@RequestParam(required = false) String agency,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"so-theo-doi-ho-so.csv\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(LedgerCsv.write(ledger.lines(agency, from, to), CITY));
    }

    /** Agency names for templates. */
    record AgencyNames(ReceptionDocuments documents) {

        public String of(String code) {
            return documents.agencyName(code);
        }
    }

    private String message(CityGovException e) {
        return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), LocaleContextHolder.getLocale());
    }
}
