package vn.citygov.dossiers.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.citygov.dossiers.internal.ResultDocuments;
import vn.citygov.dossiers.internal.ResultDocuments.Result;
import vn.citygov.dossiers.internal.Shipments;
import vn.citygov.files.FileDownloads;

/** Results: the signed-off result document and its return by post. */
@RestController
@Tag(name = "Dossier results", description = "Result documents signed off by officials, and postal return with the "
        + "postal partner's status reports")
class DeliveryApi {

    private static final String PROBLEM = DossierApi.PROBLEM;

    private final ResultDocuments results;
    private final Shipments shipments;

    DeliveryApi(ResultDocuments results, Shipments shipments) {
        this.results = results;
        this.shipments = shipments;
    }

    @PostMapping(path = "/api/v1/dossiers/{id}/result", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach and sign off the result document",
            description = "multipart/form-data with one part named file (PDF, JPEG or PNG, up to 10 MiB, virus-scanned). "
                    + "dossier.process or dossier.approve in the dossier's agency, once the dossier is approved. Keeps "
                    + "who, when and the file's SHA-256; a result cannot be replaced. With electronic delivery it also "
                    + "goes to the applicant's personal document store.")
    @ApiResponse(responseCode = "201", description = "Signed off")
    @ApiResponse(responseCode = "409", description = "Not approved yet, or a result is already signed off",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "File larger than allowed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "415", description = "Not PDF, JPEG or PNG",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Result> sign(@PathVariable long id,
            @Parameter(description = "The result document") @RequestPart("file") MultipartFile file) throws IOException {
        return SubmissionApi.created(file, (content, name) -> results.sign(id, content, name));
    }

    @GetMapping("/api/v1/dossiers/{id}/result")
    @Operation(summary = "The signed-off result of a dossier", description = "Its applicant or officials of its agency; "
            + "404 before sign-off.")
    @ApiResponse(responseCode = "200", description = "Who signed it, when, and the SHA-256")
    Result result(@PathVariable long id) {
        return results.get(id);
    }

    @GetMapping("/api/v1/dossiers/{id}/result/content")
    @Operation(summary = "Download the result document")
    @ApiResponse(responseCode = "200", description = "The content", content = {@Content(mediaType = "application/pdf"),
            @Content(mediaType = "image/jpeg"), @Content(mediaType = "image/png")})
    ResponseEntity<InputStreamResource> resultContent(@PathVariable long id) {
        return FileDownloads.response(results.download(id));
    }

    @PostMapping("/api/v1/dossiers/{id}/shipment")
    @Operation(summary = "Hand the result to the post",
            description = "dossier.receive in the dossier's agency, for a dossier delivered by post whose result is "
                    + "issued: carrier and tracking number; the status starts at handed_to_post.")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "409", description = "Not delivered by post, result not issued, a shipment exists, or "
            + "the tracking number is used", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Shipments.Shipment> ship(@PathVariable long id, @RequestBody Shipments.NewShipment body) {
        return ResponseEntity.status(201).body(shipments.create(id, body));
    }

    @GetMapping("/api/v1/dossiers/{id}/shipment")
    @Operation(summary = "The postal return of a dossier's result", description = "Status and the partner's reports; "
            + "its applicant or officials of its agency. 404 when nothing was shipped.")
    @ApiResponse(responseCode = "200", description = "The shipment")
    Shipments.Shipment shipment(@PathVariable long id) {
        return shipments.get(id);
    }

    @PostMapping("/api/v1/shipment-updates")
    @Operation(summary = "A postal partner's status report",
            description = "For an API key with the scope dossier.shipment.update (optionally limited to one agency). "
                    + "updateId is the partner's id of the report: a report sent again is applied once and answers "
                    + "replayed=true. The shipment shows the latest report by occurredAt.")
    @ApiResponse(responseCode = "200", description = "The shipment after the report")
    ResponseEntity<Shipments.UpdateResult> shipmentUpdate(@RequestBody Shipments.StatusUpdate body) {
        return ResponseEntity.ok(shipments.update(body));
    }
}
