package vn.citygov.directory.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.citygov.directory.Agency;
import vn.citygov.directory.AgencyChanges;
import vn.citygov.directory.AgencyService;
import vn.citygov.directory.AgencySummary;
import vn.citygov.directory.HistoryEntry;
import vn.citygov.directory.NewAgency;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;

/** Agencies of the city, their hierarchy and history. Reads are public; changes need a login. */
@RestController
@RequestMapping("/api/v1/agencies")
@Tag(name = "Directory: agencies", description = "The City People's Committee, council, departments, ward People's Committees, service centres and other bodies")
class AgencyApi {

    private final AgencyService agencies;

    AgencyApi(AgencyService agencies) {
        this.agencies = agencies;
    }

    @GetMapping
    @Operation(summary = "Search agencies",
            description = "Accent- and case-insensitive search by name, English name or code, with optional filters.")
    @ApiResponse(responseCode = "200", description = "A page of agencies")
    @ApiResponse(responseCode = "400", description = "Invalid kind, page or size",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    PageResult<AgencySummary> search(
            @Parameter(description = "Search text, e.g. \"so y te\"") @RequestParam(required = false) String q,
            @Parameter(description = "city_executive, council, department, ward_committee, public_service_centre or other")
            @RequestParam(required = false) String kind,
            @Parameter(description = "Only agencies directly under this agency code") @RequestParam(required = false) String parent,
            @Parameter(description = "Only agencies of this administrative unit code") @RequestParam(required = false) String adminUnit,
            @Parameter(description = "Page number from 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size, 1 to 100 (larger values are capped)") @RequestParam(required = false) Integer size) {
        return agencies.search(q, kind, parent, adminUnit, PageQuery.of(page, size));
    }

    @GetMapping("/{code}")
    @Operation(summary = "One agency, with its parent and children codes")
    @ApiResponse(responseCode = "200", description = "The agency")
    @ApiResponse(responseCode = "404", description = "No agency with this code",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    Agency get(@PathVariable String code) {
        return agencies.get(code);
    }

    @GetMapping("/{code}/history")
    @Operation(summary = "Changes to an agency, newest first", description = "Creations, renames, edits and mergers with the values before and after.")
    @ApiResponse(responseCode = "200", description = "The history")
    @ApiResponse(responseCode = "404", description = "No agency with this code",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    List<HistoryEntry> history(@PathVariable String code) {
        return agencies.history(code);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('directory.create')")
    @Operation(summary = "Add an agency", description = "Needs directory.create citywide (city administrators).")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new agency")
    @ApiResponse(responseCode = "400", description = "Invalid body, with field errors",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "Not logged in",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Not a city administrator",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The code is taken",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Agency> create(@Valid @RequestBody NewAgency body) {
        Agency created = agencies.create(body);
        return ResponseEntity.created(URI.create("/api/v1/agencies/" + created.code())).body(created);
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasAuthority('directory.edit')")
    @Operation(summary = "Change an agency",
            description = "Replaces the editable fields. Needs directory.edit for this agency; changing kind, parent or "
                    + "administrative unit needs directory.create citywide. Send back the version you read.")
    @ApiResponse(responseCode = "200", description = "The agency as changed")
    @ApiResponse(responseCode = "400", description = "Invalid body, with field errors",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "Not logged in",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Not allowed to edit this agency",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No agency with this code",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Stale version (changed by someone else) or agency no longer active",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    Agency update(@PathVariable String code, @Valid @RequestBody AgencyChanges body) {
        return agencies.update(code, body);
    }

    @PostMapping("/{code}/merge")
    @PreAuthorize("hasAuthority('directory.create')")
    @Operation(summary = "Merge an agency into another",
            description = "The agency becomes 'merged'; the target takes over its children and handling points. Needs directory.create citywide.")
    @ApiResponse(responseCode = "200", description = "The merged agency")
    @ApiResponse(responseCode = "400", description = "Invalid body or merge into itself",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "Not logged in",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Not a city administrator",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "Unknown agency or target",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "One of the two is no longer active",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    Agency merge(@PathVariable String code, @Valid @RequestBody MergeRequest body) {
        return agencies.merge(code, body.into());
    }
}
