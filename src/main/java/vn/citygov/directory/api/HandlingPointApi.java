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
import vn.citygov.directory.HandlingPoint;
import vn.citygov.directory.HandlingPointChanges;
import vn.citygov.directory.HandlingPointService;
import vn.citygov.directory.HistoryEntry;
import vn.citygov.directory.NewHandlingPoint;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;

/** Handling points: the offices that receive dossiers, feedback and complaints. */
@RestController
@RequestMapping("/api/v1/handling-points")
@Tag(name = "Directory: handling points", description = "Offices of agencies that receive dossiers, feedback or complaints, such as one-stop desks")
class HandlingPointApi {

    private final HandlingPointService points;

    HandlingPointApi(HandlingPointService points) {
        this.points = points;
    }

    @GetMapping
    @Operation(summary = "Search handling points",
            description = "Accent- and case-insensitive search; inactive points are listed only to users with directory.view-internal.")
    @ApiResponse(responseCode = "200", description = "A page of handling points")
    @ApiResponse(responseCode = "400", description = "Invalid page or size",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    PageResult<HandlingPoint> search(
            @Parameter(description = "Search text, e.g. \"mot cua sai gon\"") @RequestParam(required = false) String q,
            @Parameter(description = "Only points of this agency code") @RequestParam(required = false) String agency,
            @Parameter(description = "Only points in this administrative unit code") @RequestParam(required = false) String adminUnit,
            @Parameter(description = "Page number from 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size, 1 to 100 (larger values are capped)") @RequestParam(required = false) Integer size) {
        return points.search(q, agency, adminUnit, PageQuery.of(page, size));
    }

    @GetMapping("/{code}")
    @Operation(summary = "One handling point")
    @ApiResponse(responseCode = "200", description = "The handling point")
    @ApiResponse(responseCode = "404", description = "No handling point with this code",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    HandlingPoint get(@PathVariable String code) {
        return points.get(code);
    }

    @GetMapping("/{code}/history")
    @Operation(summary = "Changes to a handling point, newest first")
    @ApiResponse(responseCode = "200", description = "The history")
    @ApiResponse(responseCode = "404", description = "No handling point with this code",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    List<HistoryEntry> history(@PathVariable String code) {
        return points.history(code);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('directory.edit')")
    @Operation(summary = "Add a handling point to an agency", description = "Needs directory.edit for that agency.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new point")
    @ApiResponse(responseCode = "400", description = "Invalid body, with field errors",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "Not logged in",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Not allowed to edit that agency",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "Unknown agency",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The code is taken, or the agency is no longer active",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<HandlingPoint> create(@Valid @RequestBody NewHandlingPoint body) {
        HandlingPoint created = points.create(body);
        return ResponseEntity.created(URI.create("/api/v1/handling-points/" + created.code())).body(created);
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasAuthority('directory.edit')")
    @Operation(summary = "Change a handling point",
            description = "Replaces the editable fields (active is kept when omitted). Needs directory.edit for its agency. Send back the version you read.")
    @ApiResponse(responseCode = "200", description = "The handling point as changed")
    @ApiResponse(responseCode = "400", description = "Invalid body, with field errors",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "Not logged in",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Not allowed to edit its agency",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No handling point with this code",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Stale version: changed by someone else",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    HandlingPoint update(@PathVariable String code, @Valid @RequestBody HandlingPointChanges body) {
        return points.update(code, body);
    }
}
