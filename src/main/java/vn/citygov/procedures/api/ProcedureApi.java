package vn.citygov.procedures.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.procedures.ImportReport;
import vn.citygov.procedures.Procedure;
import vn.citygov.procedures.ProcedureField;
import vn.citygov.procedures.ProcedureInput;
import vn.citygov.procedures.ProcedureService;
import vn.citygov.procedures.ProcedureSummary;

/** The procedure catalogue. Reads are public; changes, import and export need procedures.manage. */
@RestController
@Tag(name = "Procedures", description = "The catalogue of administrative procedures: fields, agencies, fees, documents, steps and e-forms")
class ProcedureApi {

    static final String PROBLEM = "application/problem+json";

    private final ProcedureService procedures;
    private final JsonMapper json;

    ProcedureApi(ProcedureService procedures, JsonMapper json) {
        this.procedures = procedures;
        this.json = json;
    }

    @GetMapping("/api/v1/procedures")
    @Operation(summary = "Search procedures",
            description = "Accent- and case-insensitive search by name, English name or code, with optional filters.")
    @ApiResponse(responseCode = "200", description = "A page of procedures")
    @ApiResponse(responseCode = "400", description = "Invalid filter, page or size",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    PageResult<ProcedureSummary> search(
            @Parameter(description = "Search text, e.g. \"dang ky khai sinh\"") @RequestParam(required = false) String q,
            @Parameter(description = "Field code, e.g. civil-status (see /api/v1/procedure-fields)") @RequestParam(required = false) String field,
            @Parameter(description = "Competent agency code, e.g. so-tu-phap") @RequestParam(required = false) String agency,
            @Parameter(description = "city_department or ward") @RequestParam(required = false) String level,
            @Parameter(description = "full_online, partial_online or counter_only") @RequestParam(required = false) String onlineLevel,
            @Parameter(description = "Page number from 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size, 1 to 100 (larger values are capped)") @RequestParam(required = false) Integer size) {
        return procedures.search(q, field, agency, level, onlineLevel, PageQuery.of(page, size));
    }

    @GetMapping("/api/v1/procedures/{code}")
    @Operation(summary = "One procedure with its documents, steps and e-form schema")
    @ApiResponse(responseCode = "200", description = "The procedure")
    @ApiResponse(responseCode = "404", description = "No procedure with this code",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    Procedure get(@PathVariable String code) {
        return procedures.get(code);
    }

    @GetMapping("/api/v1/procedure-fields")
    @Operation(summary = "The fields (lĩnh vực) procedures belong to")
    @ApiResponse(responseCode = "200", description = "All fields, in display order")
    List<ProcedureField> fields() {
        return procedures.fields();
    }

    @PostMapping("/api/v1/procedures")
    @PreAuthorize("hasAuthority('procedures.manage')")
    @Operation(summary = "Add a procedure", description = "Needs procedures.manage citywide (city administrators).")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new procedure")
    @ApiResponse(responseCode = "400", description = "Invalid body, with an error per field",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "Not logged in",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Not allowed to manage procedures",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The code is taken",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Procedure> create(@RequestBody ProcedureInput body) {
        Procedure created = procedures.create(body);
        return ResponseEntity.created(URI.create("/api/v1/procedures/" + created.code())).body(created);
    }

    @PutMapping("/api/v1/procedures/{code}")
    @PreAuthorize("hasAuthority('procedures.manage')")
    @Operation(summary = "Change a procedure",
            description = "Replaces the whole procedure. Send back the version you read. Needs procedures.manage citywide.")
    @ApiResponse(responseCode = "200", description = "The procedure as changed")
    @ApiResponse(responseCode = "400", description = "Invalid body, with an error per field",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "Not logged in",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Not allowed to manage procedures",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No procedure with this code",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Stale version: changed by someone else",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    Procedure update(@PathVariable String code, @RequestBody ProcedureInput body) {
        return procedures.update(code, body);
    }

    @PostMapping("/api/v1/procedures/import")
    @PreAuthorize("hasAuthority('procedures.manage')")
    @Operation(summary = "Import procedures",
            description = "A JSON array of procedures, in the form the JSON export gives. Creates new codes and updates "
                    + "existing ones, all or nothing: any invalid entry refuses the whole import, with the index and "
                    + "field of each problem (e.g. \"[3].feeVnd\"). Needs procedures.manage citywide.")
    @ApiResponse(responseCode = "200", description = "The codes created and updated")
    @ApiResponse(responseCode = "400", description = "Invalid entries; nothing was imported",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "Not logged in",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Not allowed to manage procedures",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ImportReport importAll(@RequestBody List<ProcedureInput> body) {
        return procedures.importAll(body);
    }

    @GetMapping("/api/v1/procedures/export")
    @PreAuthorize("hasAuthority('procedures.manage')")
    @Operation(summary = "Export the catalogue",
            description = "format=json (default): the full form, which imports back unchanged. format=csv: one row per "
                    + "procedure with the main columns, UTF-8 with a byte-order mark for spreadsheets. Needs procedures.manage citywide.")
    @ApiResponse(responseCode = "200", description = "The catalogue",
            content = {@Content(mediaType = "application/json"), @Content(mediaType = "text/csv")})
    @ApiResponse(responseCode = "400", description = "Unknown format",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "Not logged in",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Not allowed to manage procedures",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<byte[]> export(@Parameter(description = "json or csv") @RequestParam(required = false) String format) {
        String chosen = format == null || format.isBlank() ? "json" : format.strip();
        return switch (chosen) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"procedures.json\"")
                    .body(json.writeValueAsBytes(procedures.export()));
            case "csv" -> ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"procedures.csv\"")
                    .body(CsvExport.write(procedures.exportFull()));
            default -> throw new InvalidInputException("format", "procedures.error.format");
        };
    }
}
