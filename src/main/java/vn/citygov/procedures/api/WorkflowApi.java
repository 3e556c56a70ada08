package vn.citygov.procedures.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.citygov.procedures.ProcedureWorkflows;
import vn.citygov.procedures.WorkflowDefinition;

/** Processing workflows: public to read, versions saved by catalogue managers. */
@RestController
@Tag(name = "Procedures")
class WorkflowApi {

    private final ProcedureWorkflows workflows;

    WorkflowApi(ProcedureWorkflows workflows) {
        this.workflows = workflows;
    }

    @GetMapping("/api/v1/workflows")
    @Operation(summary = "Processing workflows in force today",
            description = "Each with its ordered steps: kind, permission, agency (null: the dossier's competent agency) "
                    + "and share of the time budget in percent.")
    @ApiResponse(responseCode = "200", description = "The workflows, by code")
    List<WorkflowDefinition> list() {
        return workflows.inForceToday();
    }

    @GetMapping("/api/v1/workflows/{code}")
    @Operation(summary = "One workflow, in the version in force today")
    @ApiResponse(responseCode = "200", description = "The workflow")
    @ApiResponse(responseCode = "404", description = "No workflow with this code",
            content = @Content(mediaType = ProcedureApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    WorkflowDefinition get(@PathVariable String code) {
        return workflows.inForceToday(code);
    }

    @PutMapping("/api/v1/workflows/{code}")
    @PreAuthorize("hasAuthority('procedures.manage')")
    @Operation(summary = "Save a version of a workflow",
            description = "In force from effectiveFrom (a version of the same date is replaced). Shape: reception first, "
                    + "processing and approval steps (at least one approval), then result and delivery; shares sum to "
                    + "100. Dossiers already accepted keep the steps they started with. Needs procedures.manage citywide.")
    @ApiResponse(responseCode = "200", description = "The saved version")
    @ApiResponse(responseCode = "400", description = "Invalid workflow, with an error per field (e.g. steps[2].share)",
            content = @Content(mediaType = ProcedureApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "Not logged in",
            content = @Content(mediaType = ProcedureApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Not allowed to manage procedures",
            content = @Content(mediaType = ProcedureApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    WorkflowDefinition save(@PathVariable String code, @RequestBody WorkflowDefinition body) {
        return workflows.save(code, body);
    }
}
