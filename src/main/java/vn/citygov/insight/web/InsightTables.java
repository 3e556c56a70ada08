package vn.citygov.insight.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.citygov.insight.internal.IndexService;
import vn.citygov.insight.internal.Kpi;
import vn.citygov.insight.internal.Period;
import vn.citygov.insight.internal.ScoreCard;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.export.Table;

/**
 * Every table the index pages and the operations centre show, built from the same figures as the page, so each
 * can be downloaded as CSV or XLSX under {@code /service-index/tables/{name}.{format}}. The drill-down table
 * leaves its authorisation to the index service (officials of the agency, or citywide); the rest are public
 * aggregates.
 */
@Component
class InsightTables {

    /** The request's parameters, by name; absent ones are null. */
    record Params(Map<String, String> values) {
        String get(String name) {
            String v = values.get(name);
            return v == null || v.isBlank() ? null : v;
        }

        int year(IndexService index) {
            String y = get("year");
            if (y == null) {
                return index.today().getYear();
            }
            if (!y.matches("\\d{4}")) {
                throw new InvalidInputException("year", "insight.period.invalid");
            }
            return Integer.parseInt(y);
        }
    }

    /** A table's content and the file name it downloads under (without extension). */
    record Named(Table table, String fileName) {
    }

    private final IndexService index;
    private final MessageSource messages;
    private final Map<String, Function<Params, Named>> tables;

    InsightTables(IndexService index, MessageSource messages) {
        this.index = index;
        this.messages = messages;
        this.tables = Map.ofEntries(
                Map.entry("ranking", this::ranking),
                Map.entry("indicators", this::indicators),
                Map.entry("groups", this::groups),
                Map.entry("targets", this::targets),
                Map.entry("targets-trend", this::targetsTrend),
                Map.entry("targets-behind", this::targetsBehind),
                Map.entry("agency-targets", this::agencyTargets),
                Map.entry("top", p -> dashboardList("top")),
                Map.entry("bottom", p -> dashboardList("bottom")),
                Map.entry("alerts", p -> alerts()),
                Map.entry("map", p -> mapPoints()),
                Map.entry("drill", this::drill));
    }

    /** The named table for these parameters; an unknown name is a 404. */
    Named table(String name, Map<String, String> params) {
        Function<Params, Named> f = tables.get(name);
        if (f == null) {
            throw new NotFoundException("table", name);
        }
        return f.apply(new Params(params));
    }

    Named ranking(Params q) {
        Period p = index.period(q.get("period"));
        String group = q.get("peers") == null ? IndexService.DEPARTMENTS : q.get("peers");
        List<List<Object>> rows = new ArrayList<>();
        for (IndexService.RankRow r : index.ranking(group, p)) {
            rows.add(List.of(r.rank() == null ? "" : r.rank(), r.code(), name(r.name(), r.nameEn()),
                    r.score() == null ? text("insight.no-data") : r.score(), band(r.band()),
                    r.change() == null ? "" : r.change()));
        }
        return new Named(new Table(text("insight.ranking") + " " + p.key(), List.of(text("insight.rank"),
                text("insight.code"), text("insight.agency"), text("insight.score"), text("insight.band"),
                text("insight.change")), rows), "ranking-" + group + "-" + p.key());
    }

    Named indicators(Params q) {
        IndexService.ScopeScore s = index.score(scope(q), q.get("code"), q.get("period"));
        List<List<Object>> rows = new ArrayList<>();
        for (ScoreCard.IndicatorScore i : s.card().indicators()) {
            rows.add(List.of(i.code(), name(i.nameVi(), i.nameEn()),
                    i.value() == null ? text("insight.no-data") : i.value(), i.points() == null ? "" : i.points(),
                    i.max()));
        }
        return new Named(new Table(s.code() + " " + s.period(), List.of(text("insight.code"), text("insight.indicator"),
                text("insight.value"), text("insight.points"), text("insight.max")), rows),
                "indicators-" + s.code() + "-" + s.period());
    }

    Named groups(Params q) {
        IndexService.ScopeScore s = index.score(scope(q), q.get("code"), q.get("period"));
        List<List<Object>> rows = new ArrayList<>();
        for (ScoreCard.GroupScore g : s.card().groups()) {
            rows.add(List.of(g.code(), name(g.nameVi(), g.nameEn()), g.points() == null ? text("insight.no-data") : g.points(),
                    g.max()));
        }
        return new Named(new Table(text("insight.groups") + " " + s.period(), List.of(text("insight.code"),
                text("insight.group"), text("insight.points"), text("insight.max")), rows),
                "groups-" + s.code() + "-" + s.period());
    }

    Named targets(Params q) {
        IndexService.TargetReport r = index.targets(q.year(index));
        return new Named(kpiTable(text("insight.kpi") + " " + r.year(), r.city()), "targets-" + r.year());
    }

    Named agencyTargets(Params q) {
        IndexService.AgencyTargets r = index.agencyTargetReport(q.get("code"), q.year(index));
        return new Named(kpiTable(r.code() + " " + r.year(), r.kpis()), "targets-" + r.code() + "-" + r.year());
    }

    Named targetsTrend(Params q) {
        int year = q.year(index);
        List<IndexService.KpiMonth> months = q.get("code") == null ? index.targets(year).trend()
                : index.agencyTargetReport(q.get("code"), year).trend();
        List<String> headers = new ArrayList<>(List.of(text("insight.month")));
        Kpi.ALL.forEach(k -> headers.add(text("insight.kpi." + k.code())));
        List<List<Object>> rows = new ArrayList<>();
        for (IndexService.KpiMonth m : months) {
            List<Object> row = new ArrayList<>(List.of(monthLabel(m.month())));
            Kpi.ALL.forEach(k -> row.add(orNoData(m.actuals().get(k.code()))));
            rows.add(row);
        }
        String scope = q.get("code") == null ? "tphcm" : q.get("code");
        return new Named(new Table(text("insight.targets.trend") + " " + year, headers, rows),
                "targets-trend-" + scope + "-" + year);
    }

    Named targetsBehind(Params q) {
        IndexService.TargetReport r = index.targets(q.year(index));
        List<String> headers = new ArrayList<>(List.of(text("insight.code"), text("insight.agency"),
                text("insight.targets.behind-on")));
        Kpi.ALL.forEach(k -> headers.add(text("insight.kpi." + k.code())));
        List<List<Object>> rows = new ArrayList<>();
        for (IndexService.AgencyKpis a : r.behind()) {
            List<Object> row = new ArrayList<>(List.of(a.code(), name(a.name(), a.nameEn()), a.behindOn().size()));
            a.kpis().forEach(k -> row.add(k.actual() == null ? text("insight.no-data") : k.actual()));
            rows.add(row);
        }
        return new Named(new Table(text("insight.targets.behind") + " " + r.year(), headers, rows),
                "targets-behind-" + r.year());
    }

    Named dashboardList(String which) {
        IndexService.Dashboard d = index.dashboard();
        List<List<Object>> rows = new ArrayList<>();
        int i = 0;
        for (IndexService.RankRow r : "top".equals(which) ? d.top() : d.bottom()) {
            rows.add(List.of(++i, r.code(), name(r.name(), r.nameEn()), r.score(), band(r.band())));
        }
        return new Named(new Table(text("insight.ioc." + which) + " " + d.period(), List.of("#", text("insight.code"),
                text("insight.agency"), text("insight.score"), text("insight.band")), rows), which + "-" + d.period());
    }

    Named alerts() {
        IndexService.Dashboard d = index.dashboard();
        List<List<Object>> rows = new ArrayList<>();
        for (IndexService.Alert a : d.alerts()) {
            rows.add(List.of(text("insight.alert." + a.kind()), a.code(), name(a.name(), a.nameEn()), orNoData(a.value()),
                    orNoData(a.previous()), orNoData(a.change())));
        }
        return new Named(new Table(text("insight.ioc.alerts") + " " + d.period(), List.of(text("insight.alert.kind"),
                text("insight.code"), text("insight.agency"), text("insight.alert.value"), text("insight.alert.previous"),
                text("insight.change")), rows), "alerts-" + d.period());
    }

    Named mapPoints() {
        IndexService.Dashboard d = index.dashboard();
        List<List<Object>> rows = new ArrayList<>();
        for (IndexService.MapPoint p : d.map()) {
            rows.add(List.of(text("insight.map.kind." + p.kind()), p.code(), name(p.name(), p.nameEn()),
                    orNoData(p.score()), band(p.band()), p.lat(), p.lon()));
        }
        return new Named(new Table(text("insight.ioc.map") + " " + d.period(), List.of(text("insight.map.kind"),
                text("insight.code"), text("insight.agency"), text("insight.score"), text("insight.band"), "lat", "lon"),
                rows), "map-" + d.period());
    }

    Named drill(Params q) {
        IndexService.Drill d = index.drillAll(scope(q), q.get("code"), q.get("indicator"), q.get("measure"),
                q.get("period"));
        List<List<Object>> rows = new ArrayList<>();
        for (IndexService.DrillRow r : d.items().items()) {
            rows.add(List.of(r.ref(), text("insight.drill.source." + r.source()), r.measure(), r.agencyCode(),
                    r.adminUnitCode() == null ? "" : r.adminUnitCode(), InsightFormats.dateTime(r.occurredAt())));
        }
        return new Named(new Table(text("insight.drill.title") + " " + d.period(), List.of(text("insight.drill.ref"),
                text("insight.drill.source"), text("insight.drill.measure"), text("insight.agency"),
                text("insight.drill.unit"), text("insight.drill.at")), rows),
                "drill-" + d.scope() + "-" + (d.code() == null ? "tphcm" : d.code()) + "-" + d.period());
    }

    private Table kpiTable(String title, List<IndexService.KpiStatus> kpis) {
        List<List<Object>> rows = new ArrayList<>();
        for (IndexService.KpiStatus k : kpis) {
            rows.add(List.of(text("insight.kpi." + k.kpi()), orNoData(k.actual()), k.target() == null ? "" : k.target(),
                    k.behind() == null ? "" : text(k.behind() ? "insight.behind" : "insight.on-track"),
                    orNoData(k.previousYear())));
        }
        return new Table(title, List.of(text("insight.kpi"), text("insight.actual") + " (%)", text("insight.target") + " (%)",
                text("insight.status"), text("insight.previous-year") + " (%)"), rows);
    }

    private static String scope(Params q) {
        String s = q.get("scope");
        return s == null ? (q.get("code") == null ? "city" : "agency") : s;
    }

    private static String monthLabel(String ym) {
        // 2026-03 → 03/2026, as dates are written in Vietnam
        return ym.substring(5) + "/" + ym.substring(0, 4);
    }

    private Object orNoData(Double v) {
        return v == null ? text("insight.no-data") : v;
    }

    private String band(String band) {
        return band == null ? "" : text("insight.band." + band);
    }

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    private static String name(String vi, String en) {
        return english() && en != null ? en : vi;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
