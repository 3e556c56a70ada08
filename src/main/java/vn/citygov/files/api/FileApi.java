package vn.citygov.files.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.citygov.files.FileDownloads;
import vn.citygov.files.FileNames;
import vn.citygov.files.FileService;
import vn.citygov.files.StoredFile;

/** Attachments: upload, read metadata, download and delete. Each file is visible to its owner only. */
@RestController
@Tag(name = "Files", description = "Attachments: PDF, JPEG or PNG, checked from their content")
class FileApi {

    private static final String PROBLEM = "application/problem+json";

    private final FileService files;

    FileApi(FileService files) {
        this.files = files;
    }

    @PostMapping(path = "/api/v1/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a file",
            description = "multipart/form-data with one part named file. Only PDF, JPEG and PNG are accepted, recognised "
                    + "from the content itself: the declared type and the name's extension are ignored. Up to 10 MiB "
                    + "(citygov.files.max-bytes). Needs a logged-in person. Idempotency-Key is not honoured here: a "
                    + "retried upload stores a second copy with a new id.")
    @ApiResponse(responseCode = "201", description = "Stored; Location names the new file")
    @ApiResponse(responseCode = "400", description = "No file part, or an empty file",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "Not logged in",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "An API key: outside systems may not upload",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "File or request larger than allowed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "415", description = "Not multipart/form-data, or the content is not PDF, JPEG or PNG",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "Refused by the virus scanner; nothing was stored",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "The virus scanner cannot answer now; nothing was stored, try later",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<FileMetadata> upload(
            @Parameter(description = "The file") @RequestPart("file") MultipartFile file,
            @Parameter(description = "true when this is a scanned copy of a paper document")
            @RequestParam(required = false) Boolean digitised) throws IOException {
        StoredFile stored;
        try (InputStream content = file.getInputStream()) {
            stored = files.upload(content, file.getOriginalFilename(), Boolean.TRUE.equals(digitised));
        }
        return ResponseEntity.created(URI.create("/api/v1/files/" + stored.id())).body(FileMetadata.of(stored));
    }

    @GetMapping("/api/v1/files/{id}")
    @Operation(summary = "A file's metadata", description = "Only for its owner or a city administrator; 404 for anyone else.")
    @ApiResponse(responseCode = "200", description = "The file's metadata")
    @ApiResponse(responseCode = "404", description = "No such file, or not yours",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    FileMetadata get(@PathVariable UUID id) {
        return FileMetadata.of(files.get(id));
    }

    @GetMapping("/api/v1/files/{id}/content")
    @Operation(summary = "Download a file",
            description = "Always as an attachment, with the recognised type and X-Content-Type-Options: nosniff. "
                    + "Only for its owner or a city administrator; 404 for anyone else.")
    @ApiResponse(responseCode = "200", description = "The content",
            content = {@Content(mediaType = "application/pdf"), @Content(mediaType = "image/jpeg"),
                    @Content(mediaType = "image/png")})
    @ApiResponse(responseCode = "404", description = "No such file, or not yours",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<InputStreamResource> content(@PathVariable UUID id) {
        return FileDownloads.response(files.download(id));
    }

    @DeleteMapping("/api/v1/files/{id}")
    @Operation(summary = "Delete a file", description = "Only its owner or a city administrator; 404 for anyone else.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such file, or not yours",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        files.delete(id);
        return ResponseEntity.noContent().build();
    }

    static String attachment(String name) {
        return FileNames.contentDisposition(name);
    }
}
