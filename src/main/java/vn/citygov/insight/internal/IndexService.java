package vn.citygov.insight.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.directory.AdminUnit;
import vn.citygov.directory.AdminUnitService;
import vn.citygov.directory.AgencyService;
import vn.citygov.directory.AgencySummary;
import vn.citygov.insight.IndexSettingChanged;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;

/**
 * Scores, rankings, targets and dashboard figures, all computed from the counters' totals held in memory by
 * {@link CounterCache}: a month's ranking or dashboard reads no SQL once its months are loaded. What is computed
 * from them (a period's rankings, the dashboard) is memoised and reused while the same totals are current, which
 * {@link CounterCache} guarantees by handing out new totals whenever the counters change.
 */
@Service
public class IndexService {

    private static final Logger log = LoggerFactory.getLogger(IndexService.class);
    public static final String VIEW = "insight.view";
    private static final String CITY_NAME = "Thành phố Hồ Chí Minh";
    private static final String CITY_NAME_EN = "Ho Chi Minh City";
    public static final String MANAGE = "insight.manage";
    public static final String DEPARTMENTS = "departments";
    public static final String WARDS = "wards";

    private final FactRepository facts;
    private final CounterCache counters;
    private final DefinitionStore definitions;
    private final AgencyService agencies;
    private final AdminUnitService units;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final DrillRepository drills;
    private final AlertRule alertRule;
    private final ApplicationEventPublisher events;
    private volatile Directory directory;

    IndexService(FactRepository facts, CounterCache counters, DefinitionStore definitions, AgencyService agencies,
            AdminUnitService units, JdbcClient jdbc, Clock clock, DrillRepository drills, AlertRule alertRule,
            ApplicationEventPublisher events) {
        this.events = events;
        this.drills = drills;
        this.alertRule = alertRule;
        this.facts = facts;
        this.counters = counters;
        this.definitions = definitions;
        this.agencies = agencies;
        this.units = units;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Period.CITY));
    }

    public Period period(String key) {
        return Period.parse(key, today());
    }

    public record ScopeScore(String scope, String code, String name, String nameEn, String period, LocalDate from,
            LocalDate to, ScoreCard card, Double previousScore, Double change, Integer rank, Integer peers,
            String peerGroup) {
    }

    public record RankRow(Integer rank, String code, String name, String nameEn, String adminUnitCode, Double score,
            String band, Double change, Double coverage) {
    }

    /** The score of the city, an agency or an admin unit over a period, with change and rank. */
    public ScopeScore score(String scope, String code, String periodKey) {
        Period p = period(periodKey);
        IndicatorSet set = definitions.forDay(p.from());
        IndicatorSet previousSet = definitions.forDay(p.previous().from());
        return switch (scope == null ? "" : scope) {
            case "city" -> {
                ScoreCard card = ScoreCard.of(set, totals(p).city());
                Double prev = ScoreCard.of(previousSet, totals(p.previous()).city()).score();
                yield new ScopeScore("city", "tphcm", CITY_NAME, CITY_NAME_EN, p.key(), p.from(),
                        p.to(), card, prev, change(card.score(), prev), null, null, null);
            }
            case "agency" -> {
                AgencySummary a = agency(code);
                String peers = peerGroup(a);
                List<RankRow> ranking = peers == null ? List.of() : ranking(peers, p);
                ScoreCard card = ScoreCard.of(set, totals(p).agency(a.code()));
                Double prev = ScoreCard.of(previousSet, totals(p.previous()).agency(a.code())).score();
                Integer rank = ranking.stream().filter(r -> r.code().equals(a.code())).findFirst().map(RankRow::rank)
                        .orElse(null);
                yield new ScopeScore("agency", a.code(), a.name(), a.nameEn(), p.key(), p.from(), p.to(), card, prev,
                        change(card.score(), prev), rank, ranking.size(), peers);
            }
            case "unit" -> {
                AdminUnit u = unit(code);
                ScoreCard card = ScoreCard.of(set, totals(p).unit(u.code()));
                Double prev = ScoreCard.of(previousSet, totals(p.previous()).unit(u.code())).score();
                yield new ScopeScore("unit", u.code(), u.name(), u.nameEn(), p.key(), p.from(), p.to(), card, prev,
                        change(card.score(), prev), null, null, null);
            }
            default -> throw new InvalidInputException("scope", "insight.scope.invalid");
        };
    }

    /** Agencies of one peer group ranked by score; those without data come last, unranked. */
    public List<RankRow> ranking(String peerGroup, Period p) {
        if (!DEPARTMENTS.equals(peerGroup) && !WARDS.equals(peerGroup)) {
            throw new InvalidInputException("peers", "insight.peers.invalid");
        }
        return rankings(p).get(peerGroup);
    }

    /** A period's totals per agency, per unit and for the city. */
    CounterCache.Totals totals(Period p) {
        return counters.totals(p.from(), p.to());
    }

    /** What a period's rankings were computed from: reused while every part is the same (identical) object. */
    private record RankingMemo(CounterCache.Totals now, CounterCache.Totals before, IndicatorSet set,
            IndicatorSet previousSet, Directory directory, Map<String, List<RankRow>> groups) {
    }

    private final Cache<Period, RankingMemo> rankingMemos = Caffeine.newBuilder().maximumSize(64).build();

    /** Both peer groups' rankings of the period, with the change since the previous period. */
    Map<String, List<RankRow>> rankings(Period p) {
        CounterCache.Totals now = totals(p);
        CounterCache.Totals before = totals(p.previous());
        IndicatorSet set = definitions.forDay(p.from());
        IndicatorSet previousSet = definitions.forDay(p.previous().from());
        Directory dir = directory();
        RankingMemo m = rankingMemos.getIfPresent(p);
        if (m == null || !m.now().sameAs(now) || !m.before().sameAs(before) || m.set() != set
                || m.previousSet() != previousSet || m.directory() != dir) {
            m = new RankingMemo(now, before, set, previousSet, dir, rankings(dir, set, previousSet, now, before));
            rankingMemos.put(p, m);
        }
        return m.groups();
    }

    private Map<String, List<RankRow>> rankings(Directory dir, IndicatorSet set, IndicatorSet previousSet,
            CounterCache.Totals now, CounterCache.Totals before) {
        Map<String, List<RankRow>> groups = new HashMap<>();
        for (String group : List.of(DEPARTMENTS, WARDS)) {
            List<RankRow> rows = new ArrayList<>();
            for (AgencySummary a : dir.agencies()) {
                if (!group.equals(peerGroup(a))) {
                    continue;
                }
                ScoreCard card = ScoreCard.of(set, now.agency(a.code()));
                Double prev = ScoreCard.of(previousSet, before.agency(a.code())).score();
                rows.add(new RankRow(null, a.code(), a.name(), a.nameEn(), a.adminUnitCode(), card.score(), card.band(),
                        change(card.score(), prev), card.coverage()));
            }
            groups.put(group, List.copyOf(ranked(rows)));
        }
        return Map.copyOf(groups);
    }

    private static List<RankRow> ranked(List<RankRow> rows) {
        rows.sort(Comparator.comparing((RankRow r) -> r.score() == null).thenComparing(
                (RankRow r) -> r.score() == null ? 0 : -r.score()).thenComparing(RankRow::code));
        List<RankRow> ranked = new ArrayList<>();
        int rank = 0;
        Double last = null;
        for (int i = 0; i < rows.size(); i++) {
            RankRow r = rows.get(i);
            if (r.score() != null && !r.score().equals(last)) {
                rank = i + 1;
                last = r.score();
            }
            ranked.add(new RankRow(r.score() == null ? null : rank, r.code(), r.name(), r.nameEn(), r.adminUnitCode(),
                    r.score(), r.band(), r.change(), r.coverage()));
        }
        return ranked;
    }

    public PageResult<RankRow> ranking(String peerGroup, String periodKey, PageQuery page) {
        List<RankRow> all = ranking(peerGroup, period(periodKey));
        int from = Math.min(all.size(), page.page() * page.size());
        return new PageResult<>(all.subList(from, Math.min(all.size(), from + page.size())), all.size(), page.page(),
                page.size());
    }

    public record Subject(String ref, String kind, Instant occurredAt) {
    }

    /** The dossiers behind one measure of an agency's period score: officials of that agency only. */
    public PageResult<Subject> subjects(String agencyCode, String measure, String periodKey, PageQuery page) {
        AgencySummary a = agency(agencyCode);
        CurrentUser.require(VIEW, a.code());
        if (measure == null || !DefinitionParser.MEASURE.matcher(measure).matches()) {
            throw new InvalidInputException("measure", "insight.definition.invalid-measure");
        }
        Period p = period(periodKey);
        List<Subject> items = facts.subjects(a.code(), measure, p.from(), p.to(), page.page() * page.size(), page.size())
                .stream().map(r -> new Subject(r.subjectRef(), r.kind(), r.occurredAt())).toList();
        return new PageResult<>(items, facts.countSubjects(a.code(), measure, p.from(), p.to()), page.page(), page.size());
    }

    // ---- drill-down

    /** One fact behind a score: the dossier or report, which measure of it matched, where and when. */
    public record DrillRow(String ref, String source, String kind, String measure, String agencyCode,
            String adminUnitCode, Instant occurredAt) {
    }

    /**
     * The dossiers and reports behind a score of a scope (city, agency or admin unit): behind one indicator (every
     * measure its formula reads, or one of them) or one measure.
     */
    public record Drill(String scope, String code, String name, String nameEn, String period, String indicator,
            ScoreCard.IndicatorScore indicatorScore, List<String> measures, String measure, PageResult<DrillRow> items) {
    }

    /** The largest drill-down one export writes. */
    public static final int DRILL_EXPORT_MAX = 10_000;

    /**
     * Officials only, and only what they may see: the city needs {@code insight.view} citywide, an agency
     * {@code insight.view} in it, an admin unit either citywide (every agency's facts located there) or in an
     * agency (only that agency's facts there). Unknown scopes, indicators or measures are 400; the public, 403.
     */
    public Drill drill(String scope, String code, String indicator, String measure, String periodKey, PageQuery page) {
        return drill(scope, code, indicator, measure, periodKey, page.page(), page.size());
    }

    /** The whole drill-down (up to {@link #DRILL_EXPORT_MAX} rows), for an export. */
    public Drill drillAll(String scope, String code, String indicator, String measure, String periodKey) {
        return drill(scope, code, indicator, measure, periodKey, 0, DRILL_EXPORT_MAX);
    }

    private Drill drill(String scope, String code, String indicator, String measure, String periodKey, int page,
            int size) {
        CityGovUser user = CurrentUser.get()
                .orElseThrow(ForbiddenException::new);
        Period p = period(periodKey);
        String s = scope == null ? "agency" : scope;
        String agency = null;
        String unit = null;
        List<String> allowed = null;
        String name;
        String nameEn;
        switch (s) {
            case "city" -> {
                if (!user.canCitywide(VIEW)) {
                    throw new ForbiddenException();
                }
                code = null;
                name = CITY_NAME;
                nameEn = CITY_NAME_EN;
            }
            case "agency" -> {
                AgencySummary a = agency(code);
                CurrentUser.require(VIEW, a.code());
                agency = a.code();
                name = a.name();
                nameEn = a.nameEn();
            }
            case "unit" -> {
                AdminUnit u = unit(code);
                if (!user.canCitywide(VIEW)) {
                    allowed = user.agencyCodes().stream().filter(c -> user.can(VIEW, c)).sorted().toList();
                    if (allowed.isEmpty()) {
                        throw new ForbiddenException();
                    }
                }
                unit = u.code();
                name = u.name();
                nameEn = u.nameEn();
            }
            default -> throw new InvalidInputException("scope", "insight.scope.invalid");
        }
        IndicatorSet set = definitions.forDay(p.from());
        List<String> measures;
        ScoreCard.IndicatorScore indicatorScore = null;
        if (indicator != null && !indicator.isBlank()) {
            IndicatorSet.Indicator i = set.indicators().stream().filter(x -> x.code().equals(indicator)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("indicator", "insight.drill.unknown-indicator"));
            measures = i.formula().measures();
            if (measure != null && !measure.isBlank() && !measures.contains(measure)) {
                throw new InvalidInputException("measure", "insight.drill.measure-not-of-indicator");
            }
            Map<String, Long> totals = switch (s) {
                case "city" -> totals(p).city();
                case "agency" -> totals(p).agency(agency);
                default -> totals(p).unit(unit);
            };
            indicatorScore = ScoreCard.of(set, totals).indicators().stream().filter(x -> x.code().equals(indicator))
                    .findFirst().orElse(null);
        } else {
            if (measure == null || !DefinitionParser.MEASURE.matcher(measure).matches()) {
                throw new InvalidInputException("measure", "insight.definition.invalid-measure");
            }
            measures = List.of(measure);
        }
        List<String> chosen = measure != null && !measure.isBlank() ? List.of(measure) : measures;
        DrillRepository.Filter filter = new DrillRepository.Filter(p.from(), p.to(), chosen, agency, unit, allowed);
        List<DrillRow> rows = drills.rows(filter, page * size, size).stream().map(r -> new DrillRow(r.ref(), r.source(),
                r.kind(), r.measure(), r.agencyCode(), r.adminUnitCode(), r.occurredAt())).toList();
        return new Drill(s, code, name, nameEn, p.key(), indicator == null || indicator.isBlank() ? null : indicator,
                indicatorScore, measures, measure == null || measure.isBlank() ? null : measure,
                new PageResult<>(rows, drills.count(filter), page, size));
    }

    public record AgencyDetail(ScopeScore score, List<KpiStatus> targets, List<ScoreCard.IndicatorScore> strengths,
            List<ScoreCard.IndicatorScore> weaknesses) {
    }

    /** An agency's score with its KPIs for the period's year, and its strong (≥ 90% of the points) and weak
     * (< 50%) indicators. */
    public AgencyDetail agencyDetail(String code, String periodKey) {
        ScopeScore score = score("agency", code, periodKey);
        List<ScoreCard.IndicatorScore> strengths = new ArrayList<>();
        List<ScoreCard.IndicatorScore> weaknesses = new ArrayList<>();
        for (ScoreCard.IndicatorScore i : score.card().indicators()) {
            if (i.points() == null || i.max() <= 0) {
                continue;
            }
            if (i.points() >= 0.9 * i.max()) {
                strengths.add(i);
            } else if (i.points() < 0.5 * i.max()) {
                weaknesses.add(i);
            }
        }
        return new AgencyDetail(score, agencyTargets(code, score.from().getYear()), strengths, weaknesses);
    }

    // ---- targets

    /**
     * One KPI of one scope: the actual share (percent, null without data) against the target, whether it is
     * behind, the whole previous year's actual (the trend at a glance) and the gap to the target in points.
     */
    public record KpiStatus(String kpi, Double actual, Double target, Boolean behind, Double previousYear, Double gap) {
    }

    /** The KPIs' actuals (percent, null without data) in one month: a point of the trend. */
    public record KpiMonth(String month, Map<String, Double> actuals) {
    }

    /** @param behindOn the KPIs it is behind on, in the order of {@link Kpi#ALL} */
    public record AgencyKpis(String code, String name, String nameEn, String scope, List<KpiStatus> kpis,
            List<String> behindOn) {
    }

    /**
     * @param city the city's year to date against its targets
     * @param trend the city's actuals month by month from January to this month (the whole year for a past year)
     * @param behind every agency behind on at least one KPI, those behind on most first, then by the largest gap
     */
    public record TargetReport(int year, String period, List<KpiStatus> city, List<KpiMonth> trend,
            List<AgencyKpis> behind) {
    }

    /** An agency's KPIs of a year against its scope's targets, with the trend month by month. */
    public record AgencyTargets(String code, String name, String nameEn, String scope, int year, String period,
            List<KpiStatus> kpis, List<KpiMonth> trend) {
    }

    /** Actual against target for the city and every agency over the year to date; lists who is behind. */
    public TargetReport targets(int year) {
        checkYear(year);
        Period p = period(year + "-ytd");
        Map<String, Map<String, BigDecimal>> targets = targetTable(year);
        CounterCache.Totals totals = totals(p);
        CounterCache.Totals lastYear = totals(period(String.valueOf(year - 1)));
        List<KpiStatus> city = statuses(totals.city(), lastYear.city(), targets, "city");
        List<AgencyKpis> behind = new ArrayList<>();
        for (AgencySummary a : directory().agencies()) {
            String scope = kpiScope(a);
            List<KpiStatus> s = statuses(totals.agency(a.code()), lastYear.agency(a.code()), targets, scope);
            List<String> on = s.stream().filter(k -> Boolean.TRUE.equals(k.behind())).map(KpiStatus::kpi).toList();
            if (!on.isEmpty()) {
                behind.add(new AgencyKpis(a.code(), a.name(), a.nameEn(), scope, s, on));
            }
        }
        behind.sort(Comparator.comparing((AgencyKpis a) -> -a.behindOn().size())
                .thenComparing(a -> largestGap(a.kpis())).thenComparing(AgencyKpis::code));
        List<KpiMonth> trend = trend(year, CounterCache.Totals::city);
        return new TargetReport(year, p.key(), city, trend, List.copyOf(behind));
    }

    public List<KpiStatus> agencyTargets(String agencyCode, int year) {
        return agencyTargetReport(agencyCode, year).kpis();
    }

    /** One agency's KPIs of a year, with the previous year and the months of the year. */
    public AgencyTargets agencyTargetReport(String agencyCode, int year) {
        checkYear(year);
        AgencySummary a = agency(agencyCode);
        Period p = period(year + "-ytd");
        String scope = kpiScope(a);
        List<KpiStatus> kpis = statuses(totals(p).agency(a.code()), totals(period(String.valueOf(year - 1))).agency(a.code()),
                targetTable(year), scope);
        return new AgencyTargets(a.code(), a.name(), a.nameEn(), scope, year, p.key(), kpis,
                trend(year, t -> t.agency(a.code())));
    }

    private String kpiScope(AgencySummary a) {
        return WARDS.equals(peerGroup(a)) ? "ward" : "city";
    }

    /** Months of the year up to this one (none for a future year), each with every KPI's actual. */
    private List<KpiMonth> trend(int year, Function<CounterCache.Totals, Map<String, Long>> scope) {
        YearMonth now = YearMonth.from(today());
        List<KpiMonth> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(year, m);
            if (ym.isAfter(now)) {
                break;
            }
            Map<String, Long> t = scope.apply(totals(Period.month(ym)));
            Map<String, Double> actuals = new LinkedHashMap<>();
            for (Kpi k : Kpi.ALL) {
                actuals.put(k.code(), actual(k, t));
            }
            months.add(new KpiMonth(ym.toString(), Collections.unmodifiableMap(actuals)));
        }
        return List.copyOf(months);
    }

    private static double largestGap(List<KpiStatus> kpis) {
        return kpis.stream().filter(k -> k.gap() != null).mapToDouble(KpiStatus::gap).min().orElse(0);
    }

    public record Target(String kpi, String scope, BigDecimal percent) {
    }

    /** Replaces a year's targets; unknown KPIs, scopes or percentages out of 0..100 are refused. */
    @Transactional
    public List<Target> setTargets(int year, List<Target> targets) {
        CurrentUser.require(MANAGE, null);
        checkYear(year);
        if (targets == null || targets.isEmpty()) {
            throw new InvalidInputException("targets", "insight.definition.required");
        }
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            if (t == null || t.kpi() == null || !Kpi.known(t.kpi())) {
                throw new InvalidInputException("targets[" + i + "].kpi", "insight.target.unknown-kpi");
            }
            if (!"city".equals(t.scope()) && !"ward".equals(t.scope())) {
                throw new InvalidInputException("targets[" + i + "].scope", "insight.target.scope");
            }
            if (t.percent() == null || t.percent().signum() < 0 || t.percent().compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new InvalidInputException("targets[" + i + "].percent", "insight.target.percent");
            }
        }
        jdbc.sql("DELETE FROM insight_target WHERE year = ?").param(year).update();
        for (Target t : targets) {
            jdbc.sql("""
                    INSERT INTO insight_target (year, kpi_code, scope, percent) VALUES (?, ?, ?, ?)
                    ON CONFLICT (year, kpi_code, scope) DO UPDATE SET percent = excluded.percent
                    """).params(year, t.kpi(), t.scope(), t.percent()).update();
        }
        Map<String, Object> changes = new TreeMap<>();
        targets.forEach(t -> changes.put(t.kpi() + "." + t.scope(), t.percent().stripTrailingZeros().toPlainString()));
        events.publishEvent(new IndexSettingChanged("insight-targets", String.valueOf(year), "replaced", changes));
        return targets;
    }

    /** A year's targets as stored, KPI by KPI in the order of {@link Kpi#ALL}, city scope before ward. */
    public List<Target> targetsOf(int year) {
        checkYear(year);
        Map<String, Map<String, BigDecimal>> t = targetTable(year);
        List<Target> list = new ArrayList<>();
        for (Kpi k : Kpi.ALL) {
            for (String scope : List.of("city", "ward")) {
                BigDecimal v = t.getOrDefault(scope, Map.of()).get(k.code());
                if (v != null) {
                    list.add(new Target(k.code(), scope, v));
                }
            }
        }
        return list;
    }

    private Map<String, Map<String, BigDecimal>> targetTable(int year) {
        Map<String, Map<String, BigDecimal>> t = new HashMap<>();
        jdbc.sql("SELECT kpi_code, scope, percent FROM insight_target WHERE year = ?").param(year).query(rs -> {
            t.computeIfAbsent(rs.getString(2), k -> new HashMap<>()).put(rs.getString(1), rs.getBigDecimal(3));
        });
        return t;
    }

    private static List<KpiStatus> statuses(Map<String, Long> totals, Map<String, Long> lastYear,
            Map<String, Map<String, BigDecimal>> targets, String scope) {
        List<KpiStatus> list = new ArrayList<>();
        for (Kpi k : Kpi.ALL) {
            Double actual = actual(k, totals);
            BigDecimal target = targets.getOrDefault(scope, Map.of()).get(k.code());
            Double t = target == null ? null : target.doubleValue();
            boolean known = actual != null && t != null;
            list.add(new KpiStatus(k.code(), actual, t, known ? actual < t : null, actual(k, lastYear),
                    known ? ScoreCard.round(actual - t) : null));
        }
        return list;
    }

    private static Double actual(Kpi k, Map<String, Long> totals) {
        Double v = k.formula().value(totals);
        return v == null ? null : ScoreCard.round(v * 100);
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "insight.period.invalid");
        }
    }

    // ---- dashboard

    public record Tiles(long receivedToday, long finishedToday, Double onTimePercent, Long overdue,
            Double onlinePercent, Long reportsOpen, Double satisfactionPercent, Double cityScore, String cityBand,
            Instant at) {
    }

    /** @param kind unit (a ward or commune at its label point) or agency (a city department) */
    public record MapPoint(String kind, String code, String name, String nameEn, double lat, double lon, Double score,
            String band) {
    }

    public record TrendPoint(String month, Double score) {
    }

    /**
     * A sudden change since last month: {@code score_drop} or {@code score_rise} (value and previous are scores),
     * or {@code late_spike} (value and previous are the shares of dossiers finished late, in percent).
     */
    public record Alert(String kind, String code, String name, String nameEn, Double value, Double previous,
            Double change) {
    }

    public record Dashboard(Tiles tiles, List<MapPoint> map, List<TrendPoint> trend, List<RankRow> top,
            List<RankRow> bottom, List<Alert> alerts, String period) {
    }

    private Tiles tiles(LocalDate today, Period month, Map<String, Long> m) {
        Map<String, Long> day = counters.totals(today, today).city();
        ScoreCard card = ScoreCard.of(definitions.forDay(month.from()), m);
        Double onTime = percent(m, "dossier.finished_on_time", "dossier.finished");
        Double online = percent(m, "dossier.received_online", "dossier.received");
        Double satisfied = percent(m, "dossier.rated_satisfied", "dossier.rated");
        // open reports are the feedback module's open items; until a feedback source has sent any, "no data"
        Long reportsOpen = facts.openCount("feedback", clock.instant(), false);
        return new Tiles(day.getOrDefault("dossier.received", 0L), day.getOrDefault("dossier.finished", 0L), onTime,
                facts.openCount("dossiers", clock.instant(), true), online, reportsOpen, satisfied, card.score(), card.band(),
                clock.instant());
    }

    /**
     * The dashboard and what it was computed from: reused while no month of its trend changed in this instance
     * (same stamp) and its figures are younger than the cache's max-age, since "overdue now", the open reports and
     * other instances' facts move with time. Past half the max-age it is still served while one background
     * computation replaces it, so under steady use no request waits for it.
     */
    private record DashboardMemo(LocalDate today, CounterCache.Stamp stamp, Directory directory, long readAt,
            Dashboard dashboard) {
    }

    private volatile DashboardMemo dashboardMemo;
    private final Object dashboardLock = new Object();
    private final AtomicBoolean dashboardRefreshing = new AtomicBoolean();

    /** Every alert of this month (the dashboard shows the first {@link AlertRule#MAX}), the most serious first. */
    public List<Alert> alerts() {
        dashboard();
        return dashboardBody.allAlerts();
    }

    public Dashboard dashboard() {
        LocalDate today = today();
        DashboardMemo m = dashboardMemo;
        if (current(m, today)) {
            if (System.nanoTime() - m.readAt() > counters.maxAgeNanos() / 2 && dashboardRefreshing.compareAndSet(false, true)) {
                Thread.ofVirtual().name("insight-dashboard-refresh").start(() -> {
                    try {
                        computeDashboard(today);
                    } catch (RuntimeException e) {
                        log.warn("Could not refresh the dashboard", e);
                    } finally {
                        dashboardRefreshing.set(false);
                    }
                });
            }
            return m.dashboard();
        }
        // one computation at a time: requests arriving meanwhile take its result
        synchronized (dashboardLock) {
            m = dashboardMemo;
            return current(m, today) ? m.dashboard() : computeDashboard(today);
        }
    }

    private boolean current(DashboardMemo m, LocalDate today) {
        return m != null && m.today().equals(today) && m.directory() == directory()
                && m.stamp().equals(counters.stamp(today.minusMonths(11).withDayOfMonth(1), today))
                && System.nanoTime() - m.readAt() <= counters.maxAgeNanos();
    }

    private Dashboard computeDashboard(LocalDate today) {
        YearMonth current = YearMonth.from(today);
        // the stamp before the totals: a fact committed meanwhile leaves the memo outdated, never a stale one current
        CounterCache.Stamp stamp = counters.stamp(current.minusMonths(11).atDay(1), today);
        long started = System.nanoTime();
        // the twelve months of the trend (this one last), then today's days
        List<CounterCache.Totals> parts = new ArrayList<>(13);
        for (int i = 11; i >= 0; i--) {
            parts.add(totals(Period.month(current.minusMonths(i))));
        }
        parts.add(counters.totals(today, today));
        Directory dir = directory();
        long readAt = started;
        for (CounterCache.Totals t : parts) {
            readAt = Math.min(readAt, t.readAt());
        }
        Dashboard d = dashboard(today, parts, dir);
        DashboardMemo m = new DashboardMemo(today, stamp, dir, readAt, d);
        DashboardMemo old = dashboardMemo;
        if (old == null || !old.today().equals(today) || old.readAt() <= readAt) {
            dashboardMemo = m;
        }
        return d;
    }

    /**
     * The part of the dashboard that depends on the twelve months' counters only (rankings, top and bottom,
     * alerts, map, trend): recomputed when one of those months' counters, the directory or an indicator set
     * changes, not when the tiles' figures are refreshed.
     */
    private record DashboardBody(List<CounterCache.Totals> months, List<IndicatorSet> sets, Directory directory,
            List<MapPoint> map, List<TrendPoint> trend, List<RankRow> top, List<RankRow> bottom, List<Alert> alerts,
            List<Alert> allAlerts) {

        boolean computedFrom(List<CounterCache.Totals> parts, List<IndicatorSet> s, Directory dir) {
            if (dir != directory) {
                return false;
            }
            for (int i = 0; i < 12; i++) {
                if (!months.get(i).sameAs(parts.get(i)) || sets.get(i) != s.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    private volatile DashboardBody dashboardBody;

    private Dashboard dashboard(LocalDate today, List<CounterCache.Totals> parts, Directory dir) {
        YearMonth current = YearMonth.from(today);
        Period month = Period.month(current);
        CounterCache.Totals totals = parts.get(11);
        List<IndicatorSet> sets = new ArrayList<>(12);
        for (int i = 0; i < 12; i++) {
            sets.add(definitions.forDay(current.minusMonths(11 - i).atDay(1)));
        }
        DashboardBody body = dashboardBody;
        if (body == null || !body.computedFrom(parts, sets, dir)) {
            body = dashboardBody(current, parts, sets, dir);
            dashboardBody = body;
        }
        return new Dashboard(tiles(today, month, totals.city()), body.map(), body.trend(), body.top(), body.bottom(),
                body.alerts(), month.key());
    }

    private DashboardBody dashboardBody(YearMonth current, List<CounterCache.Totals> parts, List<IndicatorSet> sets,
            Directory dir) {
        CounterCache.Totals totals = parts.get(11);
        Map<String, List<RankRow>> rankings = rankings(dir, sets.get(11), sets.get(10), totals, parts.get(10));
        List<RankRow> all = new ArrayList<>(rankings.get(DEPARTMENTS));
        all.addAll(rankings.get(WARDS));
        List<RankRow> scored = all.stream().filter(r -> r.score() != null)
                .sorted(Comparator.comparing(RankRow::score).reversed().thenComparing(RankRow::code)).toList();
        List<RankRow> top = scored.stream().limit(5).toList();
        List<RankRow> bottom = scored.reversed().stream().limit(5).toList();
        List<Alert> allAlerts = alertRule.alerts(dir.agencies().stream().filter(a -> peerGroup(a) != null).toList(),
                sets.get(11), sets.get(10), totals, parts.get(10));
        List<Alert> alerts = allAlerts.subList(0, Math.min(AlertRule.MAX, allAlerts.size()));
        List<TrendPoint> trend = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            YearMonth ym = current.minusMonths(11 - i);
            trend.add(new TrendPoint(ym.toString(), ScoreCard.of(sets.get(i), parts.get(i).city()).score()));
        }
        return new DashboardBody(List.copyOf(parts.subList(0, 12)), List.copyOf(sets), dir, map(sets.get(11), dir, totals),
                List.copyOf(trend), top, bottom, List.copyOf(alerts), allAlerts);
    }

    /**
     * Admin units at their label point, coloured by the score of the facts located in them, and the city's
     * departments (which have no place of their own in the directory) as a block beside the city, east of its
     * easternmost unit, coloured by their own score.
     */
    private List<MapPoint> map(IndicatorSet set, Directory dir, CounterCache.Totals totals) {
        List<MapPoint> points = new ArrayList<>();
        double maxLat = -90;
        double maxLon = -180;
        for (AdminUnit u : dir.units()) {
            if (u.labelLat() == null || u.labelLon() == null) {
                continue;
            }
            ScoreCard card = ScoreCard.of(set, totals.unit(u.code()));
            points.add(new MapPoint("unit", u.code(), u.name(), u.nameEn(), u.labelLat().doubleValue(),
                    u.labelLon().doubleValue(), card.score(), card.band()));
            maxLat = Math.max(maxLat, u.labelLat().doubleValue());
            maxLon = Math.max(maxLon, u.labelLon().doubleValue());
        }
        if (points.isEmpty()) {
            return points;
        }
        List<AgencySummary> departments = dir.agencies().stream().filter(a -> DEPARTMENTS.equals(peerGroup(a))).toList();
        for (int i = 0; i < departments.size(); i++) {
            AgencySummary a = departments.get(i);
            ScoreCard card = ScoreCard.of(set, totals.agency(a.code()));
            points.add(new MapPoint("agency", a.code(), a.name(), a.nameEn(), maxLat - (i / BLOCK_COLUMNS) * BLOCK_STEP,
                    maxLon + BLOCK_GAP + (i % BLOCK_COLUMNS) * BLOCK_STEP, card.score(), card.band()));
        }
        return points;
    }

    /** The departments' block: columns, the distance between squares and from the city, in degrees. */
    static final int BLOCK_COLUMNS = 5;
    static final double BLOCK_STEP = 0.06;
    static final double BLOCK_GAP = 0.12;

    // ---- directory look-ups

    public String peerGroup(AgencySummary a) {
        return switch (a.kind()) {
            case "ward_committee" -> WARDS;
            case "department", "public_service_centre", "other" -> DEPARTMENTS;
            default -> null;
        };
    }

    public AgencySummary agency(String code) {
        return directory().agencies().stream().filter(a -> a.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("agency", code));
    }

    private AdminUnit unit(String code) {
        return directory().units().stream().filter(u -> u.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("admin-unit", code));
    }

    private record Directory(List<AgencySummary> agencies, List<AdminUnit> units, long loadedAt) {
    }

    /** Agencies and units change rarely: a minute-old copy is fine for scoring. */
    private Directory directory() {
        Directory d = directory;
        long now = System.currentTimeMillis();
        if (d == null || now - d.loadedAt() > 60_000) {
            d = new Directory(agencies.allActive(), units.all(), now);
            directory = d;
        }
        return d;
    }

    private static Double percent(Map<String, Long> m, String numerator, String denominator) {
        long den = m.getOrDefault(denominator, 0L);
        return den == 0 ? null : ScoreCard.round(100.0 * m.getOrDefault(numerator, 0L) / den);
    }

    private static Double change(Double now, Double before) {
        return now == null || before == null ? null : ScoreCard.round(now - before);
    }
}
