package vn.citygov.dossiers.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import vn.citygov.dossiers.DossierLedger;
import vn.citygov.dossiers.LedgerLine;
import vn.citygov.dossiers.internal.LedgerCsv;
import vn.citygov.platform.error.InvalidInputException;

/** The tracking ledger (form 07) of an agency over a period. */
@RestController
@Tag(name = "Dossiers")
class DossierLedgerApi {

    private static final ZoneId CITY = ZoneId.of("Asia/Ho_Chi_Minh");

    private final DossierLedger ledger;
    private final JsonMapper json;

    DossierLedgerApi(DossierLedger ledger, JsonMapper json) {
        this.ledger = ledger;
        this.json = json;
    }

    @GetMapping(path = "/api/v1/dossier-ledger", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv",
            DossierApi.PROBLEM})
    @Operation(summary = "Tracking ledger of an agency (form 07)",
            description = "The dossiers the agency accepted between from and to (inclusive, at most 366 days, at most "
                    + "10000 lines), with appointment, new appointment (form 04), finish and outcome. format=json "
                    + "(default) or csv. For the agency's officials.")
    @ApiResponse(responseCode = "200", description = "The ledger lines",
            content = {@Content(mediaType = "application/json"), @Content(mediaType = "text/csv")})
    @ApiResponse(responseCode = "400", description = "Missing agency or dates, a period too long, or an unknown format",
            content = @Content(mediaType = DossierApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Not an official of this agency",
            content = @Content(mediaType = DossierApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<byte[]> ledger(
            @Parameter(description = "Agency code, e.g. ubnd-26740") @RequestParam(required = false) String agency,
            @Parameter(description = "First day, e.g. 2026-11-01") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Last day, e.g. 2026-11-30") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "json or csv") @RequestParam(required = false) String format) {
        String chosen = format == null || format.isBlank() ? "json" : format.strip();
        if (!List.of("json", "csv").contains(chosen)) {
            throw new InvalidInputException("format", "dossiers.error.queue-filter");
        }
        List<LedgerLine> lines = ledger.lines(agency, from, to);
        if ("csv".equals(chosen)) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"so-theo-doi-ho-so.csv\"")
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                    .body(LedgerCsv.write(lines, CITY));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(lines));
    }
}
