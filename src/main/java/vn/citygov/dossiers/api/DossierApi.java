package vn.citygov.dossiers.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.citygov.dossiers.Dossier;
import vn.citygov.dossiers.DossierAction;
import vn.citygov.dossiers.DossierRating;
import vn.citygov.dossiers.DossierService;
import vn.citygov.dossiers.DossierStatusLookup;
import vn.citygov.dossiers.DossierStatus;
import vn.citygov.dossiers.DossierSummary;
import vn.citygov.dossiers.NewDossier;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;

/** Dossiers: submission, the applicant's and the agency's lists, workflow actions and the public status lookup. */
@RestController
@Tag(name = "Dossiers", description = "Applications for administrative procedures: submission, reception, processing, "
        + "results and public status lookup")
class DossierApi {

    static final String PROBLEM = "application/problem+json";

    private final DossierService dossiers;
    private final DossierStatusLookup lookup;

    DossierApi(DossierService dossiers, DossierStatusLookup lookup) {
        this.dossiers = dossiers;
        this.lookup = lookup;
    }

    @PostMapping("/api/v1/dossiers")
    @Operation(summary = "Submit a dossier",
            description = "Online by the signed-in citizen or business (default), or channel=counter by a desk official "
                    + "(dossier.receive) on applicantName's behalf. The e-form values are checked against the "
                    + "procedure's schema; ward procedures need adminUnitCode, the ward whose People's Committee "
                    + "handles them. Online, documents gives the file for each required upload document (index in the "
                    + "procedure's list, with fileId from POST /api/v1/files or storedDocumentId from the personal "
                    + "document store); a missing one is the field error documents[i]. Honours Idempotency-Key.")
    @ApiResponse(responseCode = "201", description = "Submitted; Location names the new dossier")
    @ApiResponse(responseCode = "400", description = "Invalid fields, with an error per field (e.g. values.childName, documents[0])",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Dossier> submit(@RequestBody NewDossier body) {
        Dossier created = dossiers.submit(body);
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/dossiers")
    @Operation(summary = "List dossiers",
            description = "A citizen or business gets their own dossiers; an official the work queue of their agencies "
                    + "(every agency for city-wide grants), newest first.")
    @ApiResponse(responseCode = "200", description = "A page of dossiers")
    PageResult<DossierSummary> list(
            @Parameter(description = "Only dossiers in this state, e.g. submitted") @RequestParam(required = false) String state,
            @Parameter(description = "Officials: only this agency of their queue, e.g. ubnd-26740") @RequestParam(required = false) String agency,
            @Parameter(description = "Page number from 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size, 1 to 100 (larger values are capped)") @RequestParam(required = false) Integer size) {
        return dossiers.list(state, agency, PageQuery.of(page, size));
    }

    @GetMapping("/api/v1/dossiers/{id}")
    @Operation(summary = "One dossier with its history and the actions the caller may take",
            description = "Its applicant, or an official of its agency. Another person's dossier is 404; an official of "
                    + "another agency gets 403.")
    @ApiResponse(responseCode = "200", description = "The dossier")
    Dossier get(@PathVariable long id) {
        return dossiers.get(id);
    }

    @PostMapping("/api/v1/dossiers/{id}/actions")
    @Operation(summary = "Act on a dossier",
            description = "accept, request_supplement (items: the complete list), supplement, refuse (comment: the "
                    + "written reason), start, approve, issue_result, return_result, withdraw; along the procedure's "
                    + "workflow steps: claim, forward (assignee: optional username for the next step), return_step "
                    + "(comment: the reason); stop (comment: the reason, form 05). Step actions need the current "
                    + "step's permission in the step's agency (403 otherwise) and, once claimed, its assignee (409). "
                    + "Send the version you read.")
    @ApiResponse(responseCode = "200", description = "The dossier after the action")
    @ApiResponse(responseCode = "409", description = "Not allowed from the current state, or changed by someone else since that version",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    Dossier act(@PathVariable long id, @RequestBody DossierAction body) {
        return dossiers.act(id, body);
    }

    @PostMapping("/api/v1/dossiers/{id}/rating")
    @Operation(summary = "Rate the service",
            description = "The applicant only, once, after the result is returned: score 1 to 5 and an optional "
                    + "comment of at most 1000 characters. Another person's dossier is 404.")
    @ApiResponse(responseCode = "200", description = "The dossier with its rating")
    @ApiResponse(responseCode = "400", description = "Score missing or out of range, or comment too long",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The result is not returned yet, or the dossier is already rated",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    Dossier rate(@PathVariable long id, @RequestBody DossierRating body) {
        return dossiers.rate(id, body);
    }

    @GetMapping("/api/v1/dossiers/{code}/status")
    @Operation(summary = "Public status of a dossier by its code",
            description = "No sign-in needed. State, agency, appointment date and whether it is overdue; never personal data.")
    @ApiResponse(responseCode = "200", description = "The status")
    DossierStatus status(@Parameter(description = "Dossier code from the receipt, e.g. H29-261123-000001-K7QXM") @PathVariable String code) {
        return lookup.status(code);
    }
}
