package vn.citygov.feedback.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.citygov.feedback.CreatedReport;
import vn.citygov.feedback.FeedbackService;
import vn.citygov.feedback.NewReport;
import vn.citygov.feedback.PublicReport;
import vn.citygov.feedback.Report;
import vn.citygov.feedback.ReportAction;
import vn.citygov.feedback.ReportPhoto;
import vn.citygov.feedback.ReportSummary;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;
import vn.citygov.platform.error.InvalidInputException;

/** Citizen feedback (Cổng 1022): reporting, the reporter's photos and rating, following, and handling by officials. */
@RestController
@Tag(name = "Feedback", description = "Citizen reports of incidents and problems: submission, public map, handling, "
        + "ratings, statistics and monitoring")
class FeedbackApi {

    static final String PROBLEM = "application/problem+json";
    static final String TOKEN_HEADER = "X-Report-Token";

    private final FeedbackService feedback;

    FeedbackApi(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @PostMapping("/api/v1/feedback/reports")
    @Operation(summary = "Report an incident or problem",
            description = "Anyone, signed in or not (anonymous reports are allowed). The point must lie inside the city; "
                    + "the admin unit is found from it unless given. Without lat and lon, the address places the "
                    + "report (a ward or commune name, or the configured geocoder); an address that cannot be placed "
                    + "is refused on the field address. attributes answer the category's extra fields (see "
                    + "GET /api/v1/feedback/categories) by code: text, a number, an ISO 8601 date-time, a key or, "
                    + "for a multivaluelist, a list of keys; they are checked and shown to the officials, and on the "
                    + "public page of a public report. Contact details are optional and never shown "
                    + "publicly. The answer carries the public tracking code and a secret token for adding photos "
                    + "(POST …/photos with X-Report-Token, within 24 hours) and rating the answer. Rate-limited per "
                    + "address and per account (429). Honours Idempotency-Key.")
    @ApiResponse(responseCode = "201", description = "Received; Location names the public report")
    @ApiResponse(responseCode = "400", description = "Unknown category, empty or too long text, a point outside the city, "
            + "an address that cannot be placed, an attribute answer that is missing, of the wrong datatype or not in its list",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "429", description = "Too many reports from this address or account; try later",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<CreatedReport> submit(@RequestBody NewReport body, HttpServletRequest request) {
        CreatedReport created = feedback.submit(feedback.placed(body), "api", request.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/v1/feedback/public/" + created.code())).body(created);
    }

    @GetMapping("/api/v1/feedback/reports")
    @Operation(summary = "The officials' inbox",
            description = "Reports of the handling points of the caller's agencies (every report for city-wide grants), "
                    + "newest first. Needs a feedback permission.")
    @ApiResponse(responseCode = "200", description = "A page of reports")
    PageResult<ReportSummary> inbox(
            @Parameter(description = "Only this state, e.g. assigned") @RequestParam(required = false) String state,
            @Parameter(description = "Only this handling point, e.g. pa-26740") @RequestParam(required = false) String handlingPoint,
            @Parameter(description = "Only open reports past their deadline") @RequestParam(required = false) Boolean overdue,
            @Parameter(description = "Page number from 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size, 1 to 100") @RequestParam(required = false) Integer size) {
        return feedback.inbox(state, handlingPoint, Boolean.TRUE.equals(overdue), PageQuery.of(page, size));
    }

    @GetMapping("/api/v1/feedback/reports/{code}")
    @Operation(summary = "A report with contact details, full history and the caller's possible actions",
            description = "For officials of the agency of its handling point, and for its reporter. An official of "
                    + "another agency gets 403; anyone else 404 (the public view is /api/v1/feedback/public/{code}).")
    @ApiResponse(responseCode = "200", description = "The report")
    Report get(@PathVariable String code) {
        return feedback.get(code, LocaleContextHolder.getLocale());
    }

    @PostMapping("/api/v1/feedback/reports/{code}/actions")
    @Operation(summary = "Act on a report",
            description = "assign (coordinator: handlingPoint; also re-routes), transfer (handling point: handlingPoint "
                    + "and text = reason), decline (text = reason; back to the coordinators), start, answer (text = "
                    + "the public answer), close, merge (coordinator: mergeInto = the report kept; followers move "
                    + "and are told), hide (moderator: text = reason; kept for the record). version must be the one "
                    + "read.")
    @ApiResponse(responseCode = "200", description = "The report after the action")
    @ApiResponse(responseCode = "409", description = "Stale version, or the action is not allowed in this state",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    Report act(@PathVariable String code, @RequestBody ReportAction body) {
        return feedback.act(code, body, LocaleContextHolder.getLocale());
    }

    /** A rating: 1 (very unsatisfied) to 5; token for reporters without an account. */
    record Rating(Integer score, String token) {
    }

    @PostMapping("/api/v1/feedback/reports/{code}/rating")
    @Operation(summary = "Rate the answer",
            description = "By the reporter: their account, or the token given at submission. 1–5; 3 or more closes the "
                    + "report. 1 or 2 within 7 days of the answer reopens it once with a new deadline.")
    @ApiResponse(responseCode = "200", description = "The public report after the rating")
    @ApiResponse(responseCode = "409", description = "Not answered yet, or already rated",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    PublicReport rate(@PathVariable String code, @RequestBody Rating body) {
        if (body == null) {
            throw new InvalidInputException("score", "validation.required");
        }
        return feedback.rate(code, body.score(), body.token(), LocaleContextHolder.getLocale());
    }

    /** Who wants the updates of a report by e-mail. */
    record Follower(String email) {
    }

    @PostMapping("/api/v1/feedback/reports/{code}/followers")
    @Operation(summary = "Follow a report by e-mail", description = "Anyone, for a public report; the address gets each "
            + "public step (start, answer, close, reopen, merge). Following twice changes nothing.")
    @ApiResponse(responseCode = "204", description = "Following")
    ResponseEntity<Void> follow(@PathVariable String code, @RequestBody Follower body) {
        feedback.follow(code, body == null ? null : body.email());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/v1/feedback/reports/{code}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add a photo to one's report",
            description = "By the reporter (account, or X-Report-Token from the submission), within 24 hours and while "
                    + "the report is open; JPEG or PNG recognised from the content, at most 5, 10 MiB each.")
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(responseCode = "415", description = "Not a JPEG or PNG image",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ReportPhoto> addPhoto(@PathVariable String code,
            @Parameter(description = "The report's token, for reporters without an account")
            @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            @Parameter(description = "The photo") @RequestPart("file") MultipartFile file) throws IOException {
        return photo(code, "report", token, file);
    }

    @PostMapping(path = "/api/v1/feedback/reports/{code}/answer-photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add a photo to the answer", description = "By an official who handles the report; JPEG or PNG, "
            + "at most 5.")
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(responseCode = "415", description = "Not a JPEG or PNG image",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ReportPhoto> addAnswerPhoto(@PathVariable String code,
            @Parameter(description = "The photo") @RequestPart("file") MultipartFile file) throws IOException {
        return photo(code, "answer", null, file);
    }

    private ResponseEntity<ReportPhoto> photo(String code, String kind, String token, MultipartFile file)
            throws IOException {
        ReportPhoto photo;
        try (InputStream in = file.getInputStream()) {
            photo = feedback.addPhoto(code, kind, token, in, file.getOriginalFilename());
        }
        return ResponseEntity.created(URI.create(photo.url())).body(photo);
    }

    @GetMapping("/api/v1/feedback/reports/{code}/photos/{id}")
    @Operation(summary = "A photo of a report or its answer",
            description = "Open for public reports; hidden and non-public reports only for their officials.")
    @ApiResponse(responseCode = "200", description = "The image",
            content = {@Content(mediaType = "image/jpeg"), @Content(mediaType = "image/png")})
    ResponseEntity<InputStreamResource> photoContent(@PathVariable String code, @PathVariable UUID id) {
        return PhotoResponses.image(feedback.photo(code, id), "public, max-age=300");
    }
}
