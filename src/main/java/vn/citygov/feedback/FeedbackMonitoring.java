package vn.citygov.feedback;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.directory.AgencyService;
import vn.citygov.directory.AgencySummary;
import vn.citygov.feedback.internal.CityMap;
import vn.citygov.feedback.internal.EscalationRepository;
import vn.citygov.feedback.internal.HandlingPointRow;
import vn.citygov.feedback.internal.ReportRepository;
import vn.citygov.feedback.internal.ReportRepository.ListQuery;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;

/**
 * The leaders' view (feedback.monitor): the figures of one agency or the whole city by category, unit, month and
 * agency, each group named as people know it; the overdue list with the step of the escalation ladder each
 * report has reached; the agencies a leader may pick; and the reports behind any figure, down to each one.
 */
@Service
@Transactional(readOnly = true)
public class FeedbackMonitoring {

    private static final ZoneId CITY = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final String OPEN = " AND state IN ('received', 'assigned', 'in_progress', 'declined')";

    private final ReportRepository reports;
    private final EscalationRepository escalations;
    private final FeedbackService feedback;
    private final CityMap map;
    private final AgencyService agencies;

    FeedbackMonitoring(ReportRepository reports, EscalationRepository escalations, FeedbackService feedback,
            CityMap map, AgencyService agencies) {
        this.reports = reports;
        this.escalations = escalations;
        this.feedback = feedback;
        this.map = map;
        this.agencies = agencies;
    }

    /** The leaders' figures for one agency, or the whole city when {@code agency} is null (city-wide grant). */
    public Dashboard dashboard(String agency) {
        return dashboard(agency, null, null, VI);
    }

    /** As {@link #dashboard(String, String, String, Locale)} with Vietnamese names. */
    public Dashboard dashboard(String agency, String from, String to) {
        return dashboard(agency, from, to, VI);
    }

    /**
     * The leaders' figures of the reports submitted in the months {@code from}..{@code to} (yyyy-MM, either may be
     * empty: open-ended); the overdue list is always today's. Names in the given language.
     */
    public Dashboard dashboard(String agency, String from, String to, Locale locale) {
        String a = allowed(agency);
        YearMonth first = month("from", from);
        YearMonth last = month("to", to);
        if (first != null && last != null && first.isAfter(last)) {
            throw new InvalidInputException("to", "feedback.error.month-range");
        }
        Map<String, List<Figures>> groups = reports.figuresByGroup(a, first, last);
        Figures total = groups.get("all").isEmpty()
                ? new Figures("all", 0, 0, 0, null, null, null, null) : groups.get("all").getFirst();
        List<ReportSummary> overdue = reports.list(query(a, " AND overdue" + OPEN, Map.of()), "due_at", 100, 0);
        Names names = names(locale, !overdue.isEmpty());
        Set<String> city = escalations.escalated(FeedbackService.CITY_LEVEL,
                overdue.stream().map(ReportSummary::code).toList());
        return new Dashboard(a, a == null ? null : names.agency(a), first, last, total,
                named(groups.get("category"), names.categories()), named(groups.get("unit"), names.units()),
                groups.get("month"), named(groups.get("agency"), names.agencies()),
                overdue.stream().map(s -> OverdueReport.of(s, city.contains(s.code()) ? FeedbackService.CITY_LEVEL
                        : FeedbackService.AGENCY_LEVEL, names)).toList());
    }

    /** The agency asked for, when the caller may monitor it (null: the city, which needs a city-wide grant). */
    private static String allowed(String agency) {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        String a = FeedbackService.codeParam("agency", agency);
        if (!user.can(FeedbackService.MONITOR, a)) {
            throw new ForbiddenException();
        }
        return a;
    }

    /** The agencies the caller may pick: every agency with feedback handling points for a city-wide grant. */
    public List<AgencyChoice> agencies(Locale locale) {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        Names names = names(locale, false);
        List<String> codes = user.canCitywide(FeedbackService.MONITOR) ? reports.pointAgencies()
                : user.agencyCodes().stream().filter(c -> user.can(FeedbackService.MONITOR, c)).sorted().toList();
        return codes.stream().map(c -> new AgencyChoice(c, names.agency(c))).toList();
    }

    /** Whether the caller may see the whole city's figures. */
    public boolean citywide() {
        return CurrentUser.get().map(u -> u.canCitywide(FeedbackService.MONITOR)).orElse(false);
    }

    /**
     * The reports behind a figure of the dashboard, newest first: of the agency (or the city), and of one
     * category, unit, month of submission, holding agency ('-': none yet), and only open or overdue ones as asked.
     */
    public PageResult<MonitoredReport> reports(String agency, Drill drill, PageQuery page, Locale locale) {
        String a = allowed(agency);
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder more = new StringBuilder();
        String category = FeedbackService.codeParam("category", drill.category());
        if (category != null) {
            more.append(" AND category_code = :category");
            params.put("category", category);
        }
        String unit = FeedbackService.codeParam("unit", drill.unit());
        if (unit != null) {
            more.append(" AND admin_unit_code = :unit");
            params.put("unit", unit);
        }
        String holder = drill.holder() == null || drill.holder().isBlank() ? null : drill.holder().strip();
        if ("-".equals(holder)) {
            more.append(" AND agency_code IS NULL");
        } else if (FeedbackService.codeParam("holder", holder) != null) {
            more.append(" AND agency_code = :holder");
            params.put("holder", holder);
        }
        YearMonth month = month("month", drill.month());
        if (month != null) {
            more.append(" AND submitted_at >= :monthStart AND submitted_at < :monthEnd");
            params.put("monthStart", month.atDay(1).atStartOfDay(CITY).toOffsetDateTime());
            params.put("monthEnd", month.plusMonths(1).atDay(1).atStartOfDay(CITY).toOffsetDateTime());
        }
        if (drill.overdueOnly()) {
            more.append(" AND overdue").append(OPEN);
        } else if (drill.openOnly()) {
            more.append(OPEN);
        }
        ListQuery q = query(a, more.toString(), params);
        List<ReportSummary> found = reports.list(q, "submitted_at DESC, id DESC", page.size(), page.offset());
        Names names = names(locale, !found.isEmpty());
        List<MonitoredReport> items = new ArrayList<>();
        for (ReportSummary s : found) {
            items.add(MonitoredReport.of(s, names));
        }
        return PageResult.of(items, reports.count(q), page);
    }

    /** What a drill-down narrows to; empty fields do not narrow. */
    public record Drill(String category, String unit, String month, String holder, boolean openOnly,
            boolean overdueOnly) {
    }

    private static ListQuery query(String agency, String more, Map<String, Object> narrowing) {
        Map<String, Object> params = new LinkedHashMap<>(narrowing);
        String where = "state <> 'merged'";
        if (agency != null) {
            where += " AND agency_code = :agency";
            params.put("agency", agency);
        }
        return new ListQuery(where + more, params);
    }

    /** A month as yyyy-MM; null when empty. */
    private static YearMonth month(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, "feedback.error.month");
        }
    }

    private static List<Figures> named(List<Figures> figures, Map<String, String> names) {
        return figures.stream().map(f -> f.named(names.get(f.key()))).toList();
    }

    /** Names by code, read once per answer. */
    private record Names(Map<String, String> categories, Map<String, String> units, Map<String, String> agencies,
            Map<String, String> points) {

        String agency(String code) {
            return agencies.getOrDefault(code, code);
        }
    }

    /** The names of categories, units and agencies; of handling points too when {@code points} (a list shows them). */
    private Names names(Locale locale, boolean withPoints) {
        boolean en = "en".equals(locale.getLanguage());
        Map<String, String> categories = feedback.categories().stream()
                .collect(Collectors.toMap(Category::code, c -> c.name(locale), (x, y) -> x));
        Map<String, String> agencyNames = new HashMap<>();
        for (AgencySummary s : agencies.allActive()) {
            agencyNames.put(s.code(), en && s.nameEn() != null ? s.nameEn() : s.name());
        }
        Map<String, String> points = new HashMap<>();
        if (withPoints) {
            for (HandlingPointRow p : reports.pointsOf(reports.pointAgencies())) {
                points.put(p.code(), en && p.nameEn() != null ? p.nameEn() : p.name());
            }
        }
        return new Names(categories, map.names(), agencyNames, points);
    }

    /**
     * Totals, by category, by unit, by month (trend) and by agency, and the oldest overdue reports; from/to null:
     * open-ended; agency null: the city.
     */
    public record Dashboard(String agency, String agencyName, YearMonth from, YearMonth to, Figures total,
            List<Figures> byCategory, List<Figures> byUnit, List<Figures> byMonth, List<Figures> byAgency,
            List<OverdueReport> overdue) {
    }

    /** An agency a leader may choose on the dashboard. */
    public record AgencyChoice(String code, String name) {
    }

    /**
     * An overdue report of the dashboard with the step of the escalation ladder it has reached: 2 the agency's
     * coordinators, 3 the city's; with the names of its category, unit and handling point.
     */
    public record OverdueReport(String code, String categoryCode, String categoryName, String title, double lat,
            double lon, String adminUnitCode, String adminUnitName, String handlingPointCode, String handlingPointName,
            String state, java.time.Instant submittedAt, java.time.Instant dueAt, boolean overdue,
            int escalationLevel) {

        static OverdueReport of(ReportSummary s, int level, Names names) {
            return new OverdueReport(s.code(), s.categoryCode(), names.categories().get(s.categoryCode()), s.title(),
                    s.lat(), s.lon(), s.adminUnitCode(), names.units().get(s.adminUnitCode()), s.handlingPointCode(),
                    s.handlingPointCode() == null ? null : names.points().get(s.handlingPointCode()), s.state(),
                    s.submittedAt(), s.dueAt(), s.overdue(), level);
        }
    }

    /** A report behind a figure, named for people. */
    public record MonitoredReport(String code, String title, String categoryName, String adminUnitName,
            String handlingPointName, String state, java.time.Instant submittedAt, java.time.Instant dueAt,
            boolean overdue) {

        static MonitoredReport of(ReportSummary s, Names names) {
            return new MonitoredReport(s.code(), s.title(), names.categories().getOrDefault(s.categoryCode(),
                    s.categoryCode()), names.units().getOrDefault(s.adminUnitCode(), s.adminUnitCode()),
                    s.handlingPointCode() == null ? null
                            : names.points().getOrDefault(s.handlingPointCode(), s.handlingPointCode()),
                    s.state(), s.submittedAt(), s.dueAt(), s.overdue());
        }
    }
}
