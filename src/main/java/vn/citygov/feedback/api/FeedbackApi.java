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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
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
import vn.citygov.feedback.Category;
import vn.citygov.feedback.CreatedReport;
import vn.citygov.feedback.FeedbackMonitoring;
import vn.citygov.feedback.FeedbackService;
import vn.citygov.feedback.FeedbackService.MapFilter;
import vn.citygov.feedback.NewReport;
import vn.citygov.feedback.PublicReport;
import vn.citygov.feedback.Report;
import vn.citygov.feedback.ReportAction;
import vn.citygov.feedback.ReportPhoto;
import vn.citygov.feedback.ReportSummary;
import vn.citygov.feedback.UnitStatistics;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;
import vn.citygov.platform.error.InvalidInputException;

/** Citizen feedback (Cổng 1022): reporting, the public map and pages, handling by officials, monitoring. */
@RestController
@Tag(name = "Feedback", description = "Citizen reports of incidents and problems: submission, public map, handling, "
        + "ratings, statistics and monitoring")
class FeedbackApi {

    static final String PROBLEM = "application/problem+json";
    static final String TOKEN_HEADER = "X-Report-Token";

    private final FeedbackService feedback;
    private final FeedbackMonitoring monitoring;
    private final DashboardExport export;

    FeedbackApi(FeedbackService feedback, FeedbackMonitoring monitoring, DashboardExport export) {
        this.feedback = feedback;
        this.monitoring = monitoring;
        this.export = export;
    }

    @GetMapping("/api/v1/feedback/categories")
    @Operation(summary = "Report categories", description = "Names in both languages, the deadline (working days or "
            + "working hours) and whether reports of the category are public. Open to everyone.")
    @ApiResponse(responseCode = "200", description = "The categories in display order")
    List<Category> categories() {
        return feedback.categories();
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

    @GetMapping("/api/v1/feedback/public/{code}")
    @Operation(summary = "A report's public page", description = "Category, place, timeline and answer; never the "
            + "reporter or contact details. Hidden reports show only that they were hidden.")
    @ApiResponse(responseCode = "200", description = "The public report")
    PublicReport publicReport(@PathVariable String code) {
        return feedback.publicView(code, LocaleContextHolder.getLocale());
    }

    @GetMapping("/api/v1/feedback/public")
    @Operation(summary = "The public list of reports", description = "Newest first, with filters.")
    @ApiResponse(responseCode = "200", description = "A page of reports")
    PageResult<ReportSummary> publicList(
            @Parameter(description = "Category code") @RequestParam(required = false) String category,
            @Parameter(description = "open, closed, or one state") @RequestParam(required = false) String status,
            @Parameter(description = "Admin unit code, e.g. 26740") @RequestParam(required = false) String unit,
            @Parameter(description = "Submitted on or after (yyyy-MM-dd)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Submitted on or before (yyyy-MM-dd)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "Page number from 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size, 1 to 100") @RequestParam(required = false) Integer size) {
        return feedback.publicList(new MapFilter(category, status, unit, from, to), PageQuery.of(page, size));
    }

    @GetMapping("/api/v1/feedback/map")
    @Operation(summary = "Public reports inside a box, for the map",
            description = "bbox = minLon,minLat,maxLon,maxLat; newest first, at most limit (default 500, up to 1000).")
    @ApiResponse(responseCode = "200", description = "The reports in the box")
    List<ReportSummary> map(
            @Parameter(description = "minLon,minLat,maxLon,maxLat", required = true) @RequestParam String bbox,
            @Parameter(description = "Category code") @RequestParam(required = false) String category,
            @Parameter(description = "open, closed, or one state") @RequestParam(required = false) String status,
            @Parameter(description = "Admin unit code") @RequestParam(required = false) String unit,
            @Parameter(description = "Submitted on or after (yyyy-MM-dd)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Submitted on or before (yyyy-MM-dd)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "At most this many, 1 to 1000") @RequestParam(required = false) Integer limit) {
        return feedback.map(bbox(bbox), new MapFilter(category, status, unit, from, to), limit == null ? 500 : limit);
    }

    static double[] bbox(String bbox) {
        String[] parts = bbox == null ? new String[0] : bbox.split(",");
        if (parts.length != 4) {
            throw new InvalidInputException("bbox", "feedback.error.bbox");
        }
        double[] b = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                b[i] = Double.parseDouble(parts[i].strip());
                if (!Double.isFinite(b[i])) {
                    throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException e) {
            throw new InvalidInputException("bbox", "feedback.error.bbox");
        }
        return b;
    }

    @GetMapping("/api/v1/feedback/similar")
    @Operation(summary = "Possible duplicates before submitting",
            description = "Public reports of the same category within about 200 m in the last 30 days, most similar "
                    + "text first (at most 5).")
    @ApiResponse(responseCode = "200", description = "Similar reports")
    List<ReportSummary> similar(
            @Parameter(description = "Category code", required = true) @RequestParam String category,
            @Parameter(description = "Latitude", required = true) @RequestParam Double lat,
            @Parameter(description = "Longitude", required = true) @RequestParam Double lon,
            @Parameter(description = "Title and description typed so far") @RequestParam(required = false) String text) {
        return feedback.similar(category, lat, lon, text);
    }

    @GetMapping("/api/v1/feedback/statistics")
    @Operation(summary = "Statistics per admin unit", description = "Volume, answered, on-time share and average "
            + "rating; open to everyone.")
    @ApiResponse(responseCode = "200", description = "One row per unit with reports")
    List<UnitStatistics> statistics(
            @Parameter(description = "Only this admin unit") @RequestParam(required = false) String unit) {
        return feedback.statistics(unit);
    }

    @GetMapping("/api/v1/feedback/dashboard")
    @Operation(summary = "Monitoring figures for leaders",
            description = "For one agency (feedback.monitor there) or the whole city (city-wide grant): totals, by "
                    + "category, by unit, by month and by holding agency (key '-': none yet), on-time rate, average "
                    + "handling time, satisfaction, each group with its name, and the overdue list with names. from/to "
                    + "limit the figures to reports submitted in those months; the overdue list is today's.")
    @ApiResponse(responseCode = "200", description = "The figures")
    FeedbackMonitoring.Dashboard dashboard(
            @Parameter(description = "Agency code; empty for the whole city") @RequestParam(required = false) String agency,
            @Parameter(description = "First month of submission, yyyy-MM (Asia/Ho_Chi_Minh); empty: from the start")
            @RequestParam(required = false) String from,
            @Parameter(description = "Last month of submission, yyyy-MM; empty: up to now")
            @RequestParam(required = false) String to) {
        return monitoring.dashboard(agency, from, to, LocaleContextHolder.getLocale());
    }

    @GetMapping("/api/v1/feedback/dashboard/reports")
    @Operation(summary = "The reports behind a figure of the dashboard",
            description = "Drill-down for leaders (feedback.monitor in the agency, or city-wide without agency): the "
                    + "reports of a category, unit, month of submission or holding agency, newest first, optionally "
                    + "only open or only overdue ones; each names its category, unit and handling point.")
    @ApiResponse(responseCode = "200", description = "A page of reports")
    PageResult<FeedbackMonitoring.MonitoredReport> dashboardReports(
            @Parameter(description = "Agency code; empty for the whole city") @RequestParam(required = false) String agency,
            @Parameter(description = "Category code") @RequestParam(required = false) String category,
            @Parameter(description = "Admin unit code") @RequestParam(required = false) String unit,
            @Parameter(description = "Month of submission, yyyy-MM") @RequestParam(required = false) String month,
            @Parameter(description = "Holding agency code; '-' for reports no agency holds yet")
            @RequestParam(required = false) String holder,
            @Parameter(description = "Only open reports") @RequestParam(required = false) Boolean open,
            @Parameter(description = "Only open reports past their deadline") @RequestParam(required = false) Boolean overdue,
            @Parameter(description = "Page number from 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size, 1 to 100") @RequestParam(required = false) Integer size) {
        return monitoring.reports(agency, new FeedbackMonitoring.Drill(category, unit, month, holder,
                Boolean.TRUE.equals(open), Boolean.TRUE.equals(overdue)), PageQuery.of(page, size),
                LocaleContextHolder.getLocale());
    }

    @GetMapping(path = "/api/v1/feedback/dashboard.csv", produces = "text/csv")
    @Operation(summary = "Monitoring figures as CSV", description = "The same figures as the dashboard, one row per "
            + "category, unit and month, UTF-8 with a byte-order mark for spreadsheet programs.")
    @ApiResponse(responseCode = "200", description = "CSV", content = @Content(mediaType = "text/csv"))
    ResponseEntity<byte[]> dashboardCsv(
            @Parameter(description = "Agency code; empty for the whole city") @RequestParam(required = false) String agency,
            @Parameter(description = "First month of submission, yyyy-MM (Asia/Ho_Chi_Minh); empty: from the start")
            @RequestParam(required = false) String from,
            @Parameter(description = "Last month of submission, yyyy-MM; empty: up to now")
            @RequestParam(required = false) String to) {
        return export.download(monitoring.dashboard(agency, from, to, LocaleContextHolder.getLocale()), "csv");
    }

    @GetMapping(path = "/api/v1/feedback/dashboard.xlsx",
            produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "Monitoring figures as XLSX", description = "The same rows and columns as the CSV, as an "
            + "Excel workbook with one sheet; figures are numbers.")
    @ApiResponse(responseCode = "200", description = "XLSX",
            content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    ResponseEntity<byte[]> dashboardXlsx(
            @Parameter(description = "Agency code; empty for the whole city") @RequestParam(required = false) String agency,
            @Parameter(description = "First month of submission, yyyy-MM (Asia/Ho_Chi_Minh); empty: from the start")
            @RequestParam(required = false) String from,
            @Parameter(description = "Last month of submission, yyyy-MM; empty: up to now")
            @RequestParam(required = false) String to) {
        return export.download(monitoring.dashboard(agency, from, to, LocaleContextHolder.getLocale()), "xlsx");
    }
}
