package vn.citygov.payments.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.citygov.payments.Fee;
import vn.citygov.payments.FeeRule;
import vn.citygov.payments.FeeRuleInput;
import vn.citygov.payments.FeeService;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;
import vn.citygov.platform.error.InvalidInputException;

/** The fee in force (public) and the fee rules behind it (payments.manage). */
@RestController
@Tag(name = "Fees", description = "Fees in VND decided by rules with effective dates and channels")
class FeeApi {

    static final String PROBLEM = "application/problem+json";

    private final FeeService fees;

    FeeApi(FeeService fees) {
        this.fees = fees;
    }

    @GetMapping("/api/v1/fees")
    @Operation(summary = "The fee in force",
            description = "The amount charged for a procedure filed through a channel on a day, with the rule and "
                    + "the reason; the catalogue fee when no rule applies. Public.")
    @ApiResponse(responseCode = "200", description = "The fee")
    @ApiResponse(responseCode = "400", description = "Missing or invalid channel or date",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No procedure with this code",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    Fee fee(@Parameter(description = "Procedure code, e.g. 2.000488") @RequestParam String procedure,
            @Parameter(description = "online or counter") @RequestParam String channel,
            @Parameter(description = "Day of filing, yyyy-MM-dd; today in Asia/Ho_Chi_Minh when absent")
            @RequestParam(required = false) String date) {
        return fees.feeFor(procedure, channel, day(date));
    }

    @GetMapping("/api/v1/fee-rules")
    @PreAuthorize("hasAuthority('payments.manage')")
    @Operation(summary = "List fee rules", description = "Needs payments.manage.")
    @ApiResponse(responseCode = "200", description = "A page of rules")
    PageResult<FeeRule> list(@Parameter(description = "Only this procedure's rules") @RequestParam(required = false) String procedure,
            @Parameter(description = "Page number from 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size, 1 to 100") @RequestParam(required = false) Integer size) {
        return fees.list(procedure, PageQuery.of(page, size));
    }

    @GetMapping("/api/v1/fee-rules/{id}")
    @PreAuthorize("hasAuthority('payments.manage')")
    @Operation(summary = "One fee rule", description = "Needs payments.manage.")
    @ApiResponse(responseCode = "200", description = "The rule")
    FeeRule get(@PathVariable long id) {
        return fees.get(id);
    }

    @PostMapping("/api/v1/fee-rules")
    @PreAuthorize("hasAuthority('payments.manage')")
    @Operation(summary = "Add a fee rule", description = "Needs payments.manage. Rules for the same procedure and "
            + "channel may not overlap in time.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new rule")
    @ApiResponse(responseCode = "409", description = "Overlaps another rule for the same procedure and channel",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<FeeRule> create(@RequestBody FeeRuleInput body) {
        FeeRule created = fees.create(body);
        return ResponseEntity.created(URI.create("/api/v1/fee-rules/" + created.id())).body(created);
    }

    @PutMapping("/api/v1/fee-rules/{id}")
    @PreAuthorize("hasAuthority('payments.manage')")
    @Operation(summary = "Change a fee rule", description = "Needs payments.manage and the version it was based on.")
    @ApiResponse(responseCode = "200", description = "The changed rule")
    @ApiResponse(responseCode = "409", description = "Stale version, or overlaps another rule",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    FeeRule update(@PathVariable long id, @RequestBody FeeRuleInput body) {
        return fees.update(id, body);
    }

    @DeleteMapping("/api/v1/fee-rules/{id}")
    @PreAuthorize("hasAuthority('payments.manage')")
    @Operation(summary = "Delete a fee rule", description = "Needs payments.manage; the catalogue fee or another "
            + "rule applies again.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable long id) {
        fees.delete(id);
        return ResponseEntity.noContent().build();
    }

    private static LocalDate day(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("date", "payments.error.date");
        }
    }
}
