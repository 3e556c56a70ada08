package vn.citygov.feedback.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.citygov.feedback.Category;
import vn.citygov.feedback.FeedbackMonitoring;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;

/** The leaders' monitoring figures of citizen feedback, the reports behind them, and their exports. */
@RestController
@Tag(name = "Feedback", description = "Citizen reports of incidents and problems: submission, public map, handling, "
        + "ratings, statistics and monitoring")
class MonitoringApi {

    private final FeedbackMonitoring monitoring;
    private final DashboardExport export;

    MonitoringApi(FeedbackMonitoring monitoring, DashboardExport export) {
        this.monitoring = monitoring;
        this.export = export;
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
