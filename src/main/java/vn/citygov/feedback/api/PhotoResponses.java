package vn.citygov.feedback.api;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.citygov.feedback.FeedbackService;

/** A report's stored photo as an HTTP answer, for the API and the officials' pages alike. */
public final class PhotoResponses {

    private PhotoResponses() {
    }

    /** Its sniffed type, which the browser must not second-guess, cached as said. */
    public static ResponseEntity<InputStreamResource> image(FeedbackService.PhotoContent photo, String cacheControl) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.mediaType()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .body(new InputStreamResource(photo.content()));
    }
}
