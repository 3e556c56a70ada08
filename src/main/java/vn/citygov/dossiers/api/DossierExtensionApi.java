package vn.citygov.dossiers.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.citygov.dossiers.Dossier;
import vn.citygov.dossiers.DossierDeadlines;
import vn.citygov.dossiers.DossierExtension;

/** The apology with a new appointment (form 04). */
@RestController
@Tag(name = "Dossiers")
class DossierExtensionApi {

    private final DossierDeadlines deadlines;

    DossierExtensionApi(DossierDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @PostMapping("/api/v1/dossiers/{id}/extension")
    @Operation(summary = "Apologise and set a new appointment (form 04)",
            description = "By an official handling the dossier (dossier.process or dossier.approve in the agency "
                    + "holding it), while its clock runs: newDueDate (a working day after the current appointment) and "
                    + "the reason. Once per dossier. The applicant is notified in the app and by e-mail; the letter is "
                    + "then the document 'extension' (PDF).")
    @ApiResponse(responseCode = "200", description = "The dossier with its new appointment")
    @ApiResponse(responseCode = "400", description = "Missing reason or date, or a date that is no later working day",
            content = @Content(mediaType = DossierApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Already extended once, stale version, or the clock is not running",
            content = @Content(mediaType = DossierApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    Dossier extend(@PathVariable long id, @RequestBody DossierExtension body) {
        return deadlines.extend(id, body);
    }
}
