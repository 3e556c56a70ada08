package vn.citygov.audit.web;

import java.time.LocalDate;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.citygov.audit.AuditFilter;
import vn.citygov.audit.AuditService;
import vn.citygov.platform.web.NavigationItem;

/** Browse and filter the audit trail; city administrators can also verify the chain from here. */
@Controller
class AuditPageController {

    private final AuditService audit;

    AuditPageController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    @PreAuthorize("hasAuthority('audit.read')")
    String browse(@RequestParam(required = false) String actor, @RequestParam(required = false) String objectType,
            @RequestParam(required = false) String objectId, @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM-dd") LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM-dd") LocalDate to,
            @RequestParam(required = false) Long before, Model model) {
        AuditFilter filter = new AuditFilter(blankToNull(actor), blankToNull(objectType), blankToNull(objectId),
                blankToNull(action), null, from, to);
        model.addAttribute("filter", filter);
        model.addAttribute("entries", audit.search(filter, before, 50));
        return "audit/index";
    }

    @PostMapping("/audit/verify")
    @PreAuthorize("hasAuthority('audit.verify')")
    String verify(Model model) {
        model.addAttribute("filter", AuditFilter.none());
        model.addAttribute("entries", audit.search(AuditFilter.none(), null, 50));
        model.addAttribute("verification", audit.verify());
        return "audit/index";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Bean
    static NavigationItem auditNavigation() {
        return NavigationItem.forPermission(70, "nav.audit", "/audit", "audit.read");
    }
}
