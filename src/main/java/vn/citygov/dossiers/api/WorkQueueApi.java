package vn.citygov.dossiers.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.citygov.dossiers.BulkAction;
import vn.citygov.dossiers.DossierSteps.Step;
import vn.citygov.dossiers.QueuePage;
import vn.citygov.dossiers.QueueQuery;
import vn.citygov.dossiers.WorkQueue;

/** The officials' work queue, bulk actions and a dossier's workflow steps. */
@RestController
@Tag(name = "Dossiers")
class WorkQueueApi {

    private final WorkQueue queue;

    WorkQueueApi(WorkQueue queue) {
        this.queue = queue;
    }

    /** The outcome of each dossier of a bulk action, in the order sent. */
    record BulkResults(List<BulkAction.Result> results) {
    }

    @GetMapping("/api/v1/work-queue")
    @Operation(summary = "An official's work queue",
            description = "Open dossiers held by the caller's agencies (the current step's agency for inter-agency "
                    + "steps), or assigned to the caller (scope=mine), with filters, sorting and badge counts. Counts "
                    + "and totals stop at 1000 (totalCapped) and are recounted at most every few seconds. Page with the "
                    + "cursors of the answer: after=<next> for the following page, before=<previous> for the preceding "
                    + "one, at any depth; page=N still works up to offset 10000.")
    @ApiResponse(responseCode = "200", description = "A page of the queue with its counts")
    @ApiResponse(responseCode = "400", description = "Unknown filter value, a malformed cursor or one of another sort, "
            + "after and before together, or a page number too deep",
            content = @Content(mediaType = DossierApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Not an official, or an agency outside the caller's",
            content = @Content(mediaType = DossierApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    QueuePage queue(
            @Parameter(description = "agency (default) or mine") @RequestParam(required = false) String scope,
            @Parameter(description = "Only this agency of the caller's, e.g. ubnd-26740") @RequestParam(required = false) String agency,
            @Parameter(description = "One state, e.g. in_progress (default: every open state)") @RequestParam(required = false) String state,
            @Parameter(description = "Current step code, e.g. specialist") @RequestParam(required = false) String step,
            @Parameter(description = "Procedure code, e.g. 1.001193") @RequestParam(required = false) String procedure,
            @Parameter(description = "soon (appointment within 2 working days) or overdue") @RequestParam(required = false) String due,
            @Parameter(description = "online or counter") @RequestParam(required = false) String channel,
            @Parameter(description = "A dossier code, or part of the applicant's name") @RequestParam(required = false) String q,
            @Parameter(description = "due (default, earliest appointment first) or submitted (newest first)") @RequestParam(required = false) String sort,
            @Parameter(description = "Page number from 0 (offset paging, up to offset 10000; prefer the cursors)")
            @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size, 1 to 100") @RequestParam(required = false) Integer size,
            @Parameter(description = "Only dossiers this handling point (directory code, e.g. the ward's one-stop desk) "
                    + "has now") @RequestParam(required = false) String handlingPoint,
            @Parameter(description = "The next cursor of a page: the page after it") @RequestParam(required = false) String after,
            @Parameter(description = "The previous cursor of a page: the page before it") @RequestParam(required = false) String before) {
        return queue.find(new QueueQuery(scope, agency, state, step, procedure, due, channel, q, sort, page, size,
                handlingPoint, after, before));
    }

    @PostMapping("/api/v1/dossiers/bulk")
    @Operation(summary = "Claim or forward several dossiers",
            description = "action claim or forward (assignee: optional official for the next step), items: up to 100 "
                    + "{id, version}. Each dossier is checked and committed on its own; the answer gives each one's "
                    + "status (200, 403, 404, 409...) and problem code, or its new version.")
    @ApiResponse(responseCode = "200", description = "The outcome per dossier")
    @ApiResponse(responseCode = "400", description = "Unknown action, or no items or more than 100",
            content = @Content(mediaType = DossierApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Not an official",
            content = @Content(mediaType = DossierApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    BulkResults bulk(@RequestBody BulkAction body) {
        return new BulkResults(queue.bulk(body));
    }

    @GetMapping("/api/v1/dossiers/{id}/steps")
    @Operation(summary = "A dossier's workflow steps",
            description = "Each step with its agency, when it received and handed over the dossier, its deadline, who "
                    + "handled it and whether on time: the data of the control slip (form 06). Empty before acceptance.")
    @ApiResponse(responseCode = "200", description = "The steps in order")
    @ApiResponse(responseCode = "404", description = "No such dossier, or another person's",
            content = @Content(mediaType = DossierApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    List<Step> steps(@PathVariable long id) {
        return queue.steps(id);
    }
}
