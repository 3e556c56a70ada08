package vn.citygov.files.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;
import vn.citygov.files.StoredFile;

/** A stored file as the API shows it. */
@Schema(description = "A stored file")
record FileMetadata(
        UUID id,
        @Schema(description = "Name given at upload, cleaned: NFC, no directories or control characters") String name,
        @Schema(description = "Type recognised from the content: application/pdf, image/jpeg or image/png") String mediaType,
        @Schema(description = "Size in bytes") long size,
        @Schema(description = "SHA-256 of the content, hex") String sha256,
        @Schema(description = "A scanned copy of a paper document") boolean digitised,
        @Schema(description = "clean, or not_scanned when no virus scanner is installed") String scanStatus,
        OffsetDateTime createdAt,
        @Schema(description = "Where to download the content") String contentUrl) {

    static FileMetadata of(StoredFile file) {
        return new FileMetadata(file.id(), file.originalName(), file.mediaType(), file.size(), file.sha256(),
                file.digitised(), file.scanStatus().name().toLowerCase(), file.createdAt(),
                "/api/v1/files/" + file.id() + "/content");
    }
}
