package vn.citygov.insight.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;
import vn.citygov.insight.internal.AgencyReportPdf;
import vn.citygov.insight.internal.IndexService;
import vn.citygov.insight.internal.Kpi;
import vn.citygov.insight.internal.LiveDashboard;
import vn.citygov.insight.internal.Period;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.error.CityGovException;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.export.Table;
import vn.citygov.platform.security.CurrentUser;
import vn.citygov.platform.web.NavigationItem;

/**
 * The operations-centre dashboard (normal and wall screen, live by server-sent events), the public
 * transparency page with its agency pages, and their exports (CSV, XLSX, the monthly PDF).
 */
@Controller
class InsightPageController {

    private final IndexService index;
    private final LiveDashboard live;
    private final MessageSource messages;
    private final String tileUrl;
    private final JsonMapper json;
    private final InsightTables tables;

    InsightPageController(IndexService index, LiveDashboard live, MessageSource messages, JsonMapper json,
            InsightTables tables, @Value("${citygov.insight.map-tile-url:}") String tileUrl) {
        this.tables = tables;
        this.json = json;
        this.index = index;
        this.live = live;
        this.messages = messages;
        this.tileUrl = tileUrl;
    }

    @Bean
    static NavigationItem iocNavigation() {
        return NavigationItem.forPermission(60, "nav.ioc", "/ioc", IndexService.VIEW);
    }

    @Bean
    static NavigationItem serviceIndexNavigation() {
        return NavigationItem.open(50, "nav.service-index", "/service-index");
    }

    @GetMapping("/ioc")
    String ioc(@RequestParam(required = false) String wall, Model model) {
        requireView();
        IndexService.Dashboard dashboard = index.dashboard();
        model.addAttribute("dashboard", dashboard);
        // embedded in a script element: "</" must not close it early
        model.addAttribute("dashboardJson", json.writeValueAsString(dashboard).replace("</", "<\\/"));
        model.addAttribute("wall", wall != null);
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("canDrillCity", CurrentUser.get().map(u -> u.canCitywide(IndexService.VIEW)).orElse(false));
        return wall != null ? "insight/ioc-wall" : "insight/ioc";
    }

    @GetMapping(path = "/ioc/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        requireView();
        return live.subscribe();
    }

    @GetMapping("/service-index")
    String transparency(@RequestParam(required = false) String period, Model model) {
        Period p = index.period(period);
        model.addAttribute("period", p);
        model.addAttribute("city", index.score("city", null, p.key()));
        model.addAttribute("departments", index.ranking(IndexService.DEPARTMENTS, p));
        model.addAttribute("wards", index.ranking(IndexService.WARDS, p));
        model.addAttribute("targets", index.targets(p.from().getYear()));
        model.addAttribute("canDrill", CurrentUser.get().map(u -> u.canCitywide(IndexService.VIEW)).orElse(false));
        return "insight/transparency";
    }

    /** Measures an official may drill down into from the agency page. */
    static final List<String> DRILL_MEASURES = List.of("dossier.finished_late", "dossier.finished_on_time",
            "dossier.received", "dossier.rated_dissatisfied", "dossier.refused");

    @GetMapping("/service-index/agencies/{code}")
    String agency(@PathVariable String code, @RequestParam(required = false) String period,
            @RequestParam(required = false) String measure, Model model) {
        IndexService.AgencyDetail detail = index.agencyDetail(code, period);
        model.addAttribute("detail", detail);
        model.addAttribute("s", detail.score());
        model.addAttribute("agencyTargets", index.agencyTargetReport(code, detail.score().from().getYear()));
        model.addAttribute("kpis", Kpi.ALL.stream().map(Kpi::code).toList());
        // officials of the agency (or citywide) see the dossiers behind the score; the public sees aggregates
        boolean official = CurrentUser.get().map(u -> u.can(IndexService.VIEW, code)).orElse(false);
        model.addAttribute("canDrill", official);
        if (official) {
            String m = measure != null && DRILL_MEASURES.contains(measure) ? measure : DRILL_MEASURES.getFirst();
            model.addAttribute("drillMeasures", DRILL_MEASURES);
            model.addAttribute("drillMeasure", m);
            model.addAttribute("drill", index.subjects(code, m, detail.score().period(), PageQuery.of(0, 50)));
        }
        return "insight/agency";
    }

    @GetMapping("/service-index/targets")
    String targets(@RequestParam(required = false) String year, Model model) {
        int y = new InsightTables.Params(Collections.singletonMap("year", year)).year(index);
        model.addAttribute("report", index.targets(y));
        model.addAttribute("kpis", Kpi.ALL.stream().map(Kpi::code).toList());
        return "insight/targets";
    }

    /** The dossiers and reports behind a score, for officials; the public is sent to log in. */
    @GetMapping("/service-index/drill")
    String drill(@RequestParam(required = false) String scope, @RequestParam(required = false) String code,
            @RequestParam(required = false) String indicator, @RequestParam(required = false) String measure,
            @RequestParam(required = false) String period, @RequestParam(required = false) Integer page, Model model) {
        if (CurrentUser.get().isEmpty()) {
            return "redirect:/login";
        }
        IndexService.Drill drill = index.drill(scope, code, indicator, measure, period, PageQuery.of(page, 50));
        model.addAttribute("drill", drill);
        IndexService.ScopeScore s = index.score(drill.scope(), drill.code(), drill.period());
        model.addAttribute("s", s);
        model.addAttribute("dateTime", (Function<Instant, String>) InsightFormats::dateTime);
        model.addAttribute("measureName", (Function<String, String>) m ->
                messages.getMessage("insight.measure." + m, null, m, LocaleContextHolder.getLocale()));
        return "insight/drill";
    }

    /** Any table of the index pages and the operations centre, as CSV or XLSX. */
    @GetMapping("/service-index/tables/{name}.{format}")
    ResponseEntity<byte[]> table(@PathVariable String name, @PathVariable String format,
            @RequestParam Map<String, String> params) {
        if (!"csv".equals(format) && !"xlsx".equals(format)) {
            throw new NotFoundException("export", format);
        }
        InsightTables.Named t = tables.table(name, params);
        return export(t.table(), format, t.fileName());
    }

    @GetMapping("/service-index/ranking.{format}")
    ResponseEntity<byte[]> rankingExport(@PathVariable String format, @RequestParam(required = false) String peers,
            @RequestParam(required = false) String period) {
        return table("ranking", format, params("peers", peers, "period", period));
    }

    @GetMapping("/service-index/agencies/{code}/indicators.{format}")
    ResponseEntity<byte[]> indicatorsExport(@PathVariable String code, @PathVariable String format,
            @RequestParam(required = false) String period) {
        return table("indicators", format, params("scope", "agency", "code", code, "period", period));
    }

    private static Map<String, String> params(String... keysAndValues) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                m.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return m;
    }

    @GetMapping("/service-index/agencies/{code}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable String code, @RequestParam(required = false) String period) {
        IndexService.AgencyDetail detail = index.agencyDetail(code, period);
        byte[] pdf = AgencyReportPdf.render(detail, english(), this::text);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("bao-cao-" + detail.score().code() + "-" + detail.score().period() + ".pdf").build()
                        .toString())
                .body(pdf);
    }

    /** Unknown agencies, periods and formats, and refused access, get the platform's error page with the status. */
    @ExceptionHandler(CityGovException.class)
    void failed(CityGovException ex, HttpServletResponse response) throws IOException {
        response.sendError(ex.status().value());
    }

    private ResponseEntity<byte[]> export(Table table, String format, String name) {
        return switch (format) {
            case "csv" -> ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, attachment(name + ".csv")).body(table.csv());
            case "xlsx" -> ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, attachment(name + ".xlsx")).body(table.xlsx());
            default -> throw new NotFoundException("export", format);
        };
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
    }

    private static void requireView() {
        if (!CurrentUser.get().map(u -> u.can(IndexService.VIEW)).orElse(false)) {
            throw new ForbiddenException();
        }
    }

    private boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
