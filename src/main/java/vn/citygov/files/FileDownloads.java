package vn.citygov.files;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** How every module sends a stored file: as an attachment that the browser never runs or sniffs. */
public final class FileDownloads {

    private FileDownloads() {
    }

    public static ResponseEntity<InputStreamResource> response(FileService.Download download) {
        StoredFile file = download.file();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, FileNames.contentDisposition(file.originalName()))
                .header("X-Content-Type-Options", "nosniff")
                // Opened directly, a PDF or image still runs no script and reaches nothing.
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(download.content()));
    }
}
