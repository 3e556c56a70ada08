package vn.citygov.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.citygov.audit.AuditFilter;
import vn.citygov.audit.AuditService;
import vn.citygov.audit.AuditService.AuditPage;
import vn.citygov.audit.ChainVerification;

/** The audit trail for administrators: filter it, and check that nobody has tampered with it. */
@Tag(name = "Audit", description = "Append-only, hash-chained record of every state change")
@RestController
@RequestMapping("/api/v1/audit")
class AuditApiController {

    private final AuditService audit;

    AuditApiController(AuditService audit) {
        this.audit = audit;
    }

    @Operation(summary = "Browse the trail", description = "Newest first. Continue with before=nextBefore.")
    @GetMapping
    @PreAuthorize("hasAuthority('audit.read')")
    AuditPage search(@RequestParam(required = false) String actor, @RequestParam(required = false) String objectType,
            @RequestParam(required = false) String objectId, @RequestParam(required = false) String action,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long before, @RequestParam(defaultValue = "20") int size) {
        return audit.search(new AuditFilter(actor, objectType, objectId, action, agency, from, to), before, size);
    }

    @Operation(summary = "Verify the hash chain", description = "Checks every entry and reports the first break.")
    @GetMapping("/verify")
    @PreAuthorize("hasAuthority('audit.verify')")
    ChainVerification verify() {
        return audit.verify();
    }
}
