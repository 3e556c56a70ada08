package vn.citygov.dossiers.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.citygov.dossiers.Dossier;
import vn.citygov.dossiers.DossierService;
import vn.citygov.dossiers.internal.documents.PaymentReceipts;
import vn.citygov.dossiers.internal.documents.ReceptionDocuments;
import vn.citygov.platform.error.NotFoundException;

/** The printable reception documents of a dossier as PDF: receipt, supplement request, refusal. */
@RestController
@Tag(name = "Dossiers")
class DossierDocumentsApi {

    private final DossierService dossiers;
    private final ReceptionDocuments documents;
    private final PaymentReceipts receipts;

    DossierDocumentsApi(DossierService dossiers, ReceptionDocuments documents, PaymentReceipts receipts) {
        this.dossiers = dossiers;
        this.documents = documents;
        this.receipts = receipts;
    }

    @GetMapping(path = "/api/v1/dossiers/{code}/receipt.pdf", produces = {MediaType.APPLICATION_PDF_VALUE,
            DossierApi.PROBLEM})
    @Operation(summary = "The payment receipt (biên lai) of a dossier's fee, as PDF",
            description = "Receipt number, payer, dossier code, procedure, fee lines in VND, when (Asia/Ho_Chi_Minh) "
                    + "and how it was paid, the collecting agency and a QR code to the public lookup. The dossier is "
                    + "named by its code, or by its id before it has one. Same access as the dossier: its applicant "
                    + "or officials of its agency. Not the reception receipt (form 01): that is "
                    + "/api/v1/dossiers/{id}/documents/receipt.pdf.")
    @ApiResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE))
    @ApiResponse(responseCode = "403", description = "An official of another agency",
            content = @Content(mediaType = DossierApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such dossier for the caller",
            content = @Content(mediaType = DossierApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The dossier's fee has not been paid",
            content = @Content(mediaType = DossierApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<byte[]> paymentReceipt(
            @Parameter(description = "Dossier code, e.g. H29-261123-000001-K7QXM, or its id") @PathVariable String code) {
        Dossier d = receipts.dossier(code);
        byte[] pdf = receipts.pdf(d);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(receipts.fileName(d)).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(pdf);
    }

    @GetMapping(path = "/api/v1/dossiers/{id}/documents/{name}.pdf", produces = {MediaType.APPLICATION_PDF_VALUE,
            DossierApi.PROBLEM})
    @Operation(summary = "A reception document of a dossier, as PDF",
            description = "receipt (form 01, with the appointment and a QR code to the public lookup; once accepted), "
                    + "supplement-request (form 02, after a request to supplement), refusal (form 03, after refusal). "
                    + "Same access as the dossier: its applicant or officials of its agency.")
    @ApiResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE))
    @ApiResponse(responseCode = "404", description = "No such dossier for the caller, or the document does not exist in its state",
            content = @Content(mediaType = DossierApi.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<byte[]> document(@PathVariable long id,
            @Parameter(description = "receipt, supplement-request or refusal") @PathVariable String name) {
        Dossier d = dossiers.get(id);
        if (!ReceptionDocuments.NAMES.contains(name)) {
            throw new NotFoundException("document", name);
        }
        return pdf(d, name, documents.pdf(d, name));
    }

    /** Inline so a browser shows it ready to print; private because it carries personal data. */
    static ResponseEntity<byte[]> pdf(Dossier d, String name, byte[] bytes) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(ReceptionDocuments.fileName(d, name)).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(bytes);
    }
}
