package vn.citygov.insight.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.citygov.insight.internal.DefinitionStore;
import vn.citygov.insight.internal.FactIngestion;
import vn.citygov.insight.internal.FactLoader;
import vn.citygov.insight.internal.IndexService;
import vn.citygov.insight.internal.IndicatorSet;
import vn.citygov.insight.internal.RecomputeRuns;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CurrentUser;

/** The service-quality index, targets and dashboard figures, for the city's and national dashboards to pull. */
@RestController
@Tag(name = "Service-quality index", description = "Decision 766/QĐ-TTg index per agency, unit and city; rankings; "
        + "KPI targets; indicator definitions; facts and recompute for administrators")
class IndexApi {

    static final String PROBLEM = "application/problem+json";
    static final String PERIOD = "2026-11 (month), 2026-Q4, 2026 (year) or ytd / 2026-ytd; default the current month";

    private final IndexService index;
    private final DefinitionStore definitions;
    private final FactIngestion ingestion;
    private final FactLoader loader;
    private final RecomputeRuns recomputes;

    IndexApi(IndexService index, DefinitionStore definitions, FactIngestion ingestion, FactLoader loader,
            RecomputeRuns recomputes) {
        this.index = index;
        this.definitions = definitions;
        this.ingestion = ingestion;
        this.loader = loader;
        this.recomputes = recomputes;
    }

    @GetMapping("/api/v1/index/scores")
    @Operation(summary = "Score of the city, an agency or an admin unit over a period",
            description = "Public. Groups and indicators with value (share 0..1), points and maximum; indicators without "
                    + "data have null value and points and are left out of the score (never counted as 0 or 100). "
                    + "With the rating band, the change since the previous period and, for agencies, the rank among "
                    + "peers (departments; wards and communes). Periods use Asia/Ho_Chi_Minh days.")
    @ApiResponse(responseCode = "200", description = "The score")
    IndexService.ScopeScore score(
            @Parameter(description = "city, agency or unit") @RequestParam(defaultValue = "city") String scope,
            @Parameter(description = "Agency code (ubnd-26740) or unit code (26740); not for city") @RequestParam(required = false) String code,
            @Parameter(description = PERIOD) @RequestParam(required = false) String period) {
        return index.score(scope, code, period);
    }

    @GetMapping("/api/v1/index/ranking")
    @Operation(summary = "Agencies ranked among their peers", description = "Public. Those without data come last, "
            + "with rank and score null.")
    @ApiResponse(responseCode = "200", description = "A page of the ranking")
    PageResult<IndexService.RankRow> ranking(
            @Parameter(description = "departments or wards") @RequestParam(defaultValue = "departments") String peers,
            @Parameter(description = PERIOD) @RequestParam(required = false) String period,
            @Parameter(description = "Page number from 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size, 1 to 100") @RequestParam(required = false) Integer size) {
        return index.ranking(peers, period, PageQuery.of(page, size));
    }

    @GetMapping("/api/v1/index/agencies/{code}")
    @Operation(summary = "An agency's score, KPIs against targets, strengths and weaknesses", description = "Public aggregates.")
    @ApiResponse(responseCode = "200", description = "The agency's detail")
    IndexService.AgencyDetail agency(@PathVariable String code,
            @Parameter(description = PERIOD) @RequestParam(required = false) String period) {
        return index.agencyDetail(code, period);
    }

    @GetMapping("/api/v1/index/agencies/{code}/dossiers")
    @Operation(summary = "Drill down: the dossiers behind one measure of an agency's score",
            description = "Officials with insight.view in that agency (or citywide) only; the public sees aggregates. "
                    + "E.g. measure=dossier.finished_late lists the dossier codes finished late in the period.")
    @ApiResponse(responseCode = "200", description = "A page of dossier codes with the fact kind and time")
    PageResult<IndexService.Subject> drillDown(@PathVariable String code,
            @Parameter(description = "A measure, e.g. dossier.finished_late") @RequestParam(required = false) String measure,
            @Parameter(description = PERIOD) @RequestParam(required = false) String period,
            @Parameter(description = "Page number from 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size, 1 to 100") @RequestParam(required = false) Integer size) {
        return index.subjects(code, measure, period, PageQuery.of(page, size));
    }

    @GetMapping("/api/v1/index/drill")
    @Operation(summary = "Drill down: the dossiers and reports behind a score",
            description = "Officials only; the public sees aggregates. scope=city needs insight.view citywide; "
                    + "scope=agency insight.view in that agency; scope=unit either citywide (every agency's facts "
                    + "located in the unit) or in an agency (only its own facts there). Give an indicator "
                    + "(e.g. timeliness.on_time: every measure its formula reads, or one of them with measure) or a "
                    + "measure alone (e.g. report.answered_on_time). One row per fact and matching measure, newest first.")
    @ApiResponse(responseCode = "200", description = "A page of dossiers and reports")
    @ApiResponse(responseCode = "400", description = "Unknown scope, indicator or measure",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Not an official of that scope",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    IndexService.Drill drill(
            @Parameter(description = "city, agency or unit") @RequestParam(defaultValue = "agency") String scope,
            @Parameter(description = "Agency code (ubnd-26740) or unit code (26740); not for city") @RequestParam(required = false) String code,
            @Parameter(description = "An indicator code of the set in force, e.g. timeliness.on_time") @RequestParam(required = false) String indicator,
            @Parameter(description = "A measure, e.g. dossier.finished_late") @RequestParam(required = false) String measure,
            @Parameter(description = PERIOD) @RequestParam(required = false) String period,
            @Parameter(description = "Page number from 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size, 1 to 100") @RequestParam(required = false) Integer size) {
        return index.drill(scope, code, indicator, measure, period, PageQuery.of(page, size));
    }

    @GetMapping("/api/v1/index/agencies/{code}/targets")
    @Operation(summary = "An agency's KPIs against its targets, with the trend", description = "Public. The year to "
            + "date against the targets of the agency's scope (city departments: city; wards and communes: ward), "
            + "the whole previous year's actual, the gap in points and the actuals month by month.")
    @ApiResponse(responseCode = "200", description = "The agency's KPIs")
    IndexService.AgencyTargets agencyTargets(@PathVariable String code,
            @Parameter(description = "Year, default this year") @RequestParam(required = false) Integer year) {
        return index.agencyTargetReport(code, year == null ? index.today().getYear() : year);
    }

    @GetMapping("/api/v1/index/targets")
    @Operation(summary = "KPI targets against actuals for a year", description = "Public. The city's actuals for the "
            + "year to date against its targets with the previous year's actual and the gap, the city's actuals month "
            + "by month (trend), and every agency behind on at least one KPI (those behind on most first). Actuals "
            + "are percentages, null without data.")
    @ApiResponse(responseCode = "200", description = "Targets and actuals")
    IndexService.TargetReport targets(@Parameter(description = "Year, default this year") @RequestParam(required = false) Integer year) {
        return index.targets(year == null ? index.today().getYear() : year);
    }

    @PutMapping("/api/v1/index/targets/{year}")
    @Operation(summary = "Replace a year's KPI targets", description = "City administrators (insight.manage). kpi: "
            + "online_services, dossiers_online, digitised, work_records_online, periodic_reports; scope: city (the city "
            + "and its departments) or ward; percent 0..100.")
    @ApiResponse(responseCode = "200", description = "The targets stored")
    List<IndexService.Target> setTargets(@PathVariable int year, @RequestBody List<IndexService.Target> body) {
        return index.setTargets(year, body);
    }

    @GetMapping("/api/v1/index/definitions")
    @Operation(summary = "Versions of the indicator set", description = "Public. Newest effective date first; a period "
            + "is scored with the version in force on its first day.")
    @ApiResponse(responseCode = "200", description = "The versions")
    List<DefinitionStore.VersionInfo> definitions() {
        return definitions.versions();
    }

    @GetMapping("/api/v1/index/definitions/{version}")
    @Operation(summary = "One version of the indicator set", description = "Public. Groups, indicators with formula "
            + "(ratio, complement or average over named measures), points, threshold, and the rating bands.")
    @ApiResponse(responseCode = "200", description = "The indicator set")
    IndicatorSet definition(@PathVariable String version) {
        return definitions.get(version);
    }

    @PostMapping("/api/v1/index/definitions")
    @Operation(summary = "Load a new version of the indicator set",
            description = "City administrators (insight.manage). Same shape as GET .../definitions/766-2022.1 with "
                    + "formula as {kind: ratio|complement, numerator: [measures], denominator: [measures]} or "
                    + "{kind: average, sum, count}. A malformed set is refused with the field and the reason.")
    @ApiResponse(responseCode = "201", description = "Loaded")
    @ApiResponse(responseCode = "400", description = "Malformed set: the field and the reason",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "That version already exists",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<IndicatorSet> loadDefinition(@RequestBody JsonNode body) {
        CurrentUser.require(IndexService.MANAGE, null);
        IndicatorSet set = definitions.load(body, CurrentUser.name());
        return ResponseEntity.created(URI.create("/api/v1/index/definitions/" + set.version())).body(set);
    }

    @PostMapping("/api/v1/index/facts")
    @Operation(summary = "Load facts no module records yet",
            description = "City administrators (insight.manage). Up to 1000 facts: eventId (a retry with the same id "
                    + "counts once), kind, agencyCode, optional adminUnitCode, occurredAt, measures {name: count}. E.g. "
                    + "procedure.published / procedure.published_on_time, service.total / service.online_receiving, "
                    + "dossier.digitised, work.records / work.records_online, periodic_report.total / "
                    + "periodic_report.on_system.")
    @ApiResponse(responseCode = "200", description = "How many were received and how many were new")
    FactLoader.LoadResult loadFacts(@RequestBody List<FactLoader.FactInput> body) {
        return loader.load(body);
    }

    @PostMapping("/api/v1/index/recompute")
    @Operation(summary = "Recompute every counter from the fact log", description = "City administrators "
            + "(insight.manage). Gives the same numbers as the live counters; answers the time it took.")
    @ApiResponse(responseCode = "200", description = "Done (without async)")
    @ApiResponse(responseCode = "202", description = "Started in the background (async=true), or already running; "
            + "follow it at the Location, GET /api/v1/index/recompute")
    ResponseEntity<?> recompute(@Parameter(description = "true: answer at once and recompute in the background "
            + "(minutes on a city's data)") @RequestParam(defaultValue = "false") boolean async) {
        CurrentUser.require(IndexService.MANAGE, null);
        if (async) {
            return ResponseEntity.accepted().location(URI.create("/api/v1/index/recompute")).body(recomputes.start());
        }
        return ResponseEntity.ok(ingestion.recompute());
    }

    @GetMapping("/api/v1/index/recompute")
    @Operation(summary = "The background recompute in progress or the last one",
            description = "City administrators (insight.manage). State RUNNING, DONE (with the result) or FAILED; "
                    + "404 when none ran since this node started.")
    RecomputeRuns.Run lastRecompute() {
        CurrentUser.require(IndexService.MANAGE, null);
        return recomputes.last().orElseThrow(() -> new NotFoundException("recompute", "last"));
    }

    @GetMapping("/api/v1/index/alerts")
    @Operation(summary = "Sudden changes since last month", description = "Public aggregates: every agency whose score "
            + "fell or rose by at least citygov.insight.alerts.score-change points (default 10) since last month, or "
            + "whose share of dossiers finished late rose by at least citygov.insight.alerts.late-rise points (default "
            + "15); only agencies with at least citygov.insight.alerts.min-volume (10) dossiers finished and reports "
            + "answered in both months are judged. Drops and late spikes first, larger changes first; the dashboard "
            + "shows the first ten.")
    @ApiResponse(responseCode = "200", description = "The alerts")
    List<IndexService.Alert> alerts() {
        return index.alerts();
    }

    @GetMapping("/api/v1/index/dashboard")
    @Operation(summary = "The operations-centre figures", description = "Public aggregates: city tiles (today's "
            + "dossiers, on-time %, overdue now, online %, open reports, satisfaction), map points per admin unit, "
            + "the 12-month trend, top and bottom agencies and alerts for sudden changes.")
    @ApiResponse(responseCode = "200", description = "The dashboard")
    IndexService.Dashboard dashboard() {
        return index.dashboard();
    }
}
