package vn.citygov.dossiers.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.citygov.dossiers.internal.DocumentStore;
import vn.citygov.dossiers.internal.DossierAttachments;
import vn.citygov.dossiers.internal.DossierAttachments.Attachment;
import vn.citygov.dossiers.internal.DossierDrafts;
import vn.citygov.dossiers.internal.DossierDrafts.Draft;
import vn.citygov.dossiers.internal.DossierDrafts.DraftInput;
import vn.citygov.dossiers.internal.DossierPayments;
import vn.citygov.dossiers.internal.DossierPayments.DossierPayment;
import vn.citygov.files.FileDownloads;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;

/** Online submission: drafts, the documents of drafts and dossiers, the payment of the fee, the personal store. */
@RestController
@Tag(name = "Dossier submission", description = "Drafts, attached documents (uploaded, scanned at the desk or reused "
        + "from the personal document store) and the online payment of the fee")
class SubmissionApi {

    static final String PROBLEM = DossierApi.PROBLEM;
    private static final String FILE_RULES = "multipart/form-data with one part named file: PDF, JPEG or PNG, "
            + "recognised from the content, up to 10 MiB, passed to the virus scanner.";

    private final DossierDrafts drafts;
    private final DossierAttachments attachments;
    private final DossierPayments payments;
    private final DocumentStore documentStore;

    SubmissionApi(DossierDrafts drafts, DossierAttachments attachments, DossierPayments payments,
            DocumentStore documentStore) {
        this.drafts = drafts;
        this.attachments = attachments;
        this.payments = payments;
        this.documentStore = documentStore;
    }

    // ---- drafts ----

    @PostMapping("/api/v1/dossier-drafts")
    @Operation(summary = "Start a draft",
            description = "A signed-in citizen or business keeps an online dossier unfinished: only procedureCode is "
                    + "required; the e-form values are kept as entered and checked on submission. Honours Idempotency-Key.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the draft")
    ResponseEntity<Draft> createDraft(@RequestBody DraftInput body) {
        Draft draft = drafts.create(body);
        return ResponseEntity.created(URI.create("/api/v1/dossier-drafts/" + draft.id())).body(draft);
    }

    @GetMapping("/api/v1/dossier-drafts")
    @Operation(summary = "My drafts", description = "The caller's own drafts, last saved first.")
    @ApiResponse(responseCode = "200", description = "A page of drafts")
    PageResult<Draft> myDrafts(
            @Parameter(description = "Page number from 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size, 1 to 100 (larger values are capped)") @RequestParam(required = false) Integer size) {
        return drafts.mine(PageQuery.of(page, size));
    }

    @GetMapping("/api/v1/dossier-drafts/{id}")
    @Operation(summary = "One of my drafts", description = "Another person's draft is 404.")
    @ApiResponse(responseCode = "200", description = "The draft with its documents")
    Draft draft(@PathVariable long id) {
        return drafts.get(id);
    }

    @PutMapping("/api/v1/dossier-drafts/{id}")
    @Operation(summary = "Save a draft", description = "Replaces values, delivery, postalAddress and adminUnitCode; send "
            + "the version read (a stale one is 409). Another person's draft is 404.")
    @ApiResponse(responseCode = "200", description = "The saved draft")
    @ApiResponse(responseCode = "409", description = "Saved by someone else since that version",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    Draft saveDraft(@PathVariable long id, @RequestBody DraftInput body) {
        return drafts.update(id, body);
    }

    @DeleteMapping("/api/v1/dossier-drafts/{id}")
    @Operation(summary = "Delete a draft", description = "With the files uploaded for it. Another person's draft is 404.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> deleteDraft(@PathVariable long id) {
        drafts.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/v1/dossier-drafts/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a document to a draft",
            description = FILE_RULES + " documentIndex is the position of an upload document in the procedure's list; "
                    + "a second upload for it replaces the first.")
    @ApiResponse(responseCode = "201", description = "The draft with the file attached")
    @ApiResponse(responseCode = "413", description = "File larger than allowed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "415", description = "Not PDF, JPEG or PNG",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "Refused by the virus scanner",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Draft> uploadToDraft(@PathVariable long id,
            @Parameter(description = "Position of the required document, from 0") @RequestParam(required = false) Integer documentIndex,
            @Parameter(description = "The file") @RequestPart("file") MultipartFile file) throws IOException {
        return created(file, (content, name) -> drafts.upload(id, documentIndex, content, name));
    }

    @PostMapping("/api/v1/dossier-drafts/{id}/reuse")
    @Operation(summary = "Use a document from my personal document store",
            description = "Once-only: instead of uploading, points a required document at a result the citizen already "
                    + "holds (GET /api/v1/me/documents) whose type the document asks for.")
    @ApiResponse(responseCode = "200", description = "The draft with the document attached")
    Draft reuse(@PathVariable long id, @RequestBody ReuseRequest body) {
        return drafts.reuse(id, body == null ? null : body.documentIndex(), body == null ? null : body.storedDocumentId());
    }

    @DeleteMapping("/api/v1/dossier-drafts/{id}/attachments/{attachmentId}")
    @Operation(summary = "Remove a document from a draft")
    @ApiResponse(responseCode = "200", description = "The draft without it")
    Draft removeFromDraft(@PathVariable long id, @PathVariable long attachmentId) {
        return drafts.removeAttachment(id, attachmentId);
    }

    @GetMapping("/api/v1/dossier-drafts/{id}/attachments/{attachmentId}/content")
    @Operation(summary = "Download a document of my draft")
    @ApiResponse(responseCode = "200", description = "The content", content = {@Content(mediaType = "application/pdf"),
            @Content(mediaType = "image/jpeg"), @Content(mediaType = "image/png")})
    ResponseEntity<InputStreamResource> draftContent(@PathVariable long id, @PathVariable long attachmentId) {
        return FileDownloads.response(drafts.download(id, attachmentId));
    }

    @PostMapping("/api/v1/dossier-drafts/{id}/submit")
    @Operation(summary = "Submit a draft",
            description = "Checks the e-form, delivery, ward and that every required upload is there, and lists every "
                    + "problem at once (documents[i] for a missing file); nothing is saved then. Otherwise files the "
                    + "dossier with its documents and deletes the draft. When the procedure has a fee online that day, "
                    + "the payment starts: send the applicant to payment.redirectUrl.")
    @ApiResponse(responseCode = "201", description = "Filed; Location names the dossier")
    ResponseEntity<DossierDrafts.Submitted> submitDraft(@PathVariable long id) {
        DossierDrafts.Submitted submitted = drafts.submit(id);
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + submitted.dossier().id())).body(submitted);
    }

    // ---- documents of filed dossiers ----

    @GetMapping("/api/v1/dossiers/{id}/attachments")
    @Operation(summary = "The documents of a dossier", description = "Its applicant or officials of its agency.")
    @ApiResponse(responseCode = "200", description = "The documents")
    List<Attachment> dossierAttachments(@PathVariable long id) {
        return attachments.ofDossier(id);
    }

    @PostMapping(path = "/api/v1/dossiers/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Scan in a paper document (desk)",
            description = FILE_RULES + " For dossier.receive in the dossier's agency: the file is kept as digitised, "
                    + "with who and when.")
    @ApiResponse(responseCode = "201", description = "The scan")
    @ApiResponse(responseCode = "409", description = "The dossier is closed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "File larger than allowed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "415", description = "Not PDF, JPEG or PNG",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Attachment> digitise(@PathVariable long id,
            @Parameter(description = "Position of the required document, from 0") @RequestParam(required = false) Integer documentIndex,
            @Parameter(description = "The scan") @RequestPart("file") MultipartFile file) throws IOException {
        return created(file, (content, name) -> attachments.digitise(id, documentIndex, content, name));
    }

    @GetMapping("/api/v1/dossiers/{id}/attachments/{attachmentId}/content")
    @Operation(summary = "Download a document of a dossier", description = "Its applicant or officials of its agency.")
    @ApiResponse(responseCode = "200", description = "The content", content = {@Content(mediaType = "application/pdf"),
            @Content(mediaType = "image/jpeg"), @Content(mediaType = "image/png")})
    ResponseEntity<InputStreamResource> dossierContent(@PathVariable long id, @PathVariable long attachmentId) {
        return FileDownloads.response(attachments.download(id, attachmentId));
    }

    // ---- payment ----

    @GetMapping("/api/v1/dossiers/{id}/payments")
    @Operation(summary = "Payments of a dossier's fee", description = "Status (pending = awaiting payment, paid, "
            + "cancelled, refunded) and receipt number. Its applicant or officials of its agency.")
    @ApiResponse(responseCode = "200", description = "The payments, newest first")
    List<DossierPayment> dossierPayments(@PathVariable long id) {
        return payments.of(id);
    }

    @PostMapping("/api/v1/dossiers/{id}/payments")
    @Operation(summary = "Pay a dossier's fee (again)", description = "The applicant, when no payment is pending or paid "
            + "(e.g. after cancelling at the gateway). Send the applicant to redirectUrl.")
    @ApiResponse(responseCode = "201", description = "Started")
    @ApiResponse(responseCode = "409", description = "Nothing to pay, or a payment is pending or paid already",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<DossierPayment> pay(@PathVariable long id) {
        return ResponseEntity.status(201).body(payments.start(id));
    }

    @PostMapping("/api/v1/dossiers/{id}/payments/desk")
    @Operation(summary = "Record a counter dossier's fee as paid at the desk",
            description = "An official of the dossier's agency who receives dossiers records the fee (the counter fee "
                    + "in force on the day of submission) as taken in cash: it is paid at once and gets its receipt "
                    + "number; the payment receipt is then at /api/v1/dossiers/{code}/receipt.pdf.")
    @ApiResponse(responseCode = "201", description = "Recorded, with its receipt number")
    @ApiResponse(responseCode = "403", description = "Not a desk official of the dossier's agency",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Nothing to pay, not a counter dossier, closed, or paid already",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<DossierPayment> payAtDesk(@PathVariable long id) {
        return ResponseEntity.status(201).body(payments.takeAtDesk(id));
    }

    // ---- personal document store ----

    @GetMapping("/api/v1/me/documents")
    @Operation(summary = "My personal document store", description = "Results issued to me electronically, reusable in "
            + "later dossiers.")
    @ApiResponse(responseCode = "200", description = "My documents, newest first")
    List<DocumentStore.StoredDocument> myDocuments() {
        return documentStore.mine();
    }

    /** Hands the upload's content to the action and answers 201 with what it made. */
    static <T> ResponseEntity<T> created(MultipartFile file, java.util.function.BiFunction<InputStream, String, T> action)
            throws IOException {
        try (InputStream content = file.getInputStream()) {
            return ResponseEntity.status(201).body(action.apply(content, file.getOriginalFilename()));
        }
    }

    /** Which stored document to use for which required document. */
    record ReuseRequest(Integer documentIndex, Long storedDocumentId) {
    }
}
