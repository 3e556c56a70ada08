package vn.citygov.feedback.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.citygov.feedback.Category;
import vn.citygov.feedback.FeedbackService;
import vn.citygov.feedback.FeedbackService.MapFilter;
import vn.citygov.feedback.PublicReport;
import vn.citygov.feedback.Report;
import vn.citygov.feedback.ReportSummary;
import vn.citygov.feedback.UnitStatistics;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;
import vn.citygov.platform.error.InvalidInputException;

/** The public side of citizen feedback, open to everyone: categories, the public list and map, a report's public page, possible duplicates, statistics. */
@RestController
@Tag(name = "Feedback", description = "Citizen reports of incidents and problems: submission, public map, handling, "
        + "ratings, statistics and monitoring")
class PublicFeedbackApi {

    private final FeedbackService feedback;

    PublicFeedbackApi(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @GetMapping("/api/v1/feedback/categories")
    @Operation(summary = "Report categories", description = "Names in both languages, the deadline (working days or "
            + "working hours) and whether reports of the category are public. Open to everyone.")
    @ApiResponse(responseCode = "200", description = "The categories in display order")
    List<Category> categories() {
        return feedback.categories();
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
}
