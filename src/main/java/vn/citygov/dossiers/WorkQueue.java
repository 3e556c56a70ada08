package vn.citygov.dossiers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import vn.citygov.calendar.WorkingDayCalendar;
import vn.citygov.dossiers.DossierSteps.Step;
import vn.citygov.directory.HandlingPoint;
import vn.citygov.dossiers.internal.HandlingPoints;
import vn.citygov.dossiers.internal.QueueRepository;
import vn.citygov.dossiers.internal.QueueRepository.Filter;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.error.CityGovException;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;
import vn.citygov.platform.text.TextFolding;
import vn.citygov.procedures.Procedure;
import vn.citygov.procedures.ProcedureService;

/**
 * Officials' work queue: the open dossiers held by their agencies (inter-agency steps included) or assigned to
 * them, with filters, badge counts and bulk actions; and a dossier's steps (control slip data).
 */
@Service
public class WorkQueue {

    public static final List<String> SCOPES = List.of("agency", "mine");
    public static final List<String> DUE = List.of("soon", "overdue");
    public static final List<String> SORTS = List.of("due", "submitted");
    public static final Set<String> BULK_ACTIONS = Set.of("claim", "forward");
    /** Deep pages by number cost an ever longer scan; past this offset, page by cursor (after/before). */
    public static final int MAX_OFFSET = 10_000;
    public static final int MAX_BULK = 100;
    /** "Due soon": the appointment falls within this many working days. */
    public static final int DUE_SOON_DAYS = 2;

    private static final Pattern STEP = Pattern.compile("^[a-z0-9][a-z0-9-]{1,63}$");
    private static final Pattern HANDLING_POINT = Pattern.compile("^[a-z0-9][a-z0-9-]{1,63}$");
    private static final Pattern PROCEDURE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9.-]{2,31}$");
    private static final int MAX_Q = 100;

    private final QueueRepository queue;
    private final DossierService dossiers;
    private final StepEngine steps;
    private final ProcedureService procedures;
    private final WorkingDayCalendar calendar;
    private final HandlingPoints handlingPoints;
    private final Clock clock;
    // Totals and badges are counted again at most every few seconds per official and filter: a page shows
    // one query's rows, and a reload right after an action still shows the rows themselves up to date.
    private final Cache<TotalKey, Long> totals;
    private final Cache<BadgeKey, Map<String, Long>> badges;
    // The filter's choice of desks changes with the directory, rarely: asked again after a minute.
    private final Cache<List<String>, List<HandlingPoint>> desks = Caffeine.newBuilder().maximumSize(1_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    WorkQueue(QueueRepository queue, DossierService dossiers, StepEngine steps, ProcedureService procedures,
            WorkingDayCalendar calendar, HandlingPoints handlingPoints, Clock clock,
            @Value("${citygov.dossiers.queue.counts-max-age:PT5S}") Duration countsMaxAge) {
        this.totals = Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(countsMaxAge).build();
        this.badges = Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(countsMaxAge).build();
        this.handlingPoints = handlingPoints;
        this.queue = queue;
        this.dossiers = dossiers;
        this.steps = steps;
        this.procedures = procedures;
        this.calendar = calendar;
        this.clock = clock;
    }

    public QueuePage find(QueueQuery query) {
        CityGovUser user = official();
        QueueQuery q = query == null ? QueueQuery.mine() : query;
        PageQuery page = PageQuery.of(q.page(), q.size());
        String scope = choice("scope", q.scope(), SCOPES, "agency");
        String sort = choice("sort", q.sort(), SORTS, "due");
        String due = choice("due", q.due(), DUE, null);
        String state = choice("state", q.state(), Workflow.STATES, null);
        String channel = choice("channel", q.channel(), DossierService.CHANNELS, null);
        String step = pattern("step", q.step(), STEP);
        String procedure = pattern("procedure", q.procedure(), PROCEDURE);
        String handlingPoint = pattern("handlingPoint", q.handlingPoint(), HANDLING_POINT);
        String text = text(q.q());
        boolean byDue = "due".equals(sort);
        QueueCursor after = QueueCursor.parse("after", q.after(), byDue);
        QueueCursor before = QueueCursor.parse("before", q.before(), byDue);
        if (after != null && before != null) {
            throw new InvalidInputException("before", "dossiers.error.queue-filter");
        }
        boolean byOffset = after == null && before == null && page.page() > 0;
        if (byOffset && page.offset() > MAX_OFFSET) {
            throw new InvalidInputException("page", "dossiers.error.page-too-deep");
        }
        Instant now = clock.instant();
        Instant soon = soon(now);
        String agency = clean(q.agency());
        Filter base = scopeFilter(user, scope, agency);
        Filter filter = new Filter(base.assignee(), base.everyAgency(), base.agencies(), state,
                state == null || !Workflow.FINAL_STATES.contains(state), step, procedure, channel,
                text == null ? null : text.toUpperCase(Locale.ROOT), text == null ? null : "%" + like(TextFolding.fold(text)) + "%",
                "soon".equals(due) ? now : null, "overdue".equals(due) ? now : "soon".equals(due) ? soon : null,
                handlingPoint);
        // One more row than shown tells whether another page follows.
        int limit = page.size() + 1;
        List<QueueRepository.Row> rows;
        boolean more;
        boolean first;
        if (before != null) {
            rows = queue.before(filter, byDue, before.key(), limit);
            first = rows.size() < limit;
            if (first) {
                // Back at the start: show a full first page rather than the few rows left before the cursor.
                rows = queue.after(filter, byDue, null, limit);
                more = rows.size() == limit;
                rows = more ? rows.subList(0, page.size()) : rows;
            } else {
                rows = rows.subList(1, rows.size());
                more = true;
            }
        } else {
            rows = byOffset ? queue.page(filter, byDue, limit, page.offset()) : queue.after(filter, byDue,
                    after == null ? null : after.key(), limit);
            more = rows.size() == limit;
            rows = more ? rows.subList(0, page.size()) : rows;
            first = after == null && !byOffset;
        }
        List<QueueItem> items = items(rows, now, soon);
        String next = more && !rows.isEmpty() ? QueueCursor.of(byDue, rows.getLast()) : null;
        String previous = !first && !rows.isEmpty() ? QueueCursor.of(byDue, rows.getFirst()) : null;
        long total = totals.get(new TotalKey(user.username(), scope, agency, state, step, procedure, channel, text, due,
                handlingPoint), k -> queue.count(filter, QueuePage.COUNT_CAP + 1));
        Map<String, Long> counts = badges.get(new BadgeKey(user.username(), scope, agency),
                k -> counts(user, base, now, soon));
        return new QueuePage(items, Math.min(total, QueuePage.COUNT_CAP), total > QueuePage.COUNT_CAP,
                byOffset ? page.page() : 0, page.size(), counts, next, previous);
    }

    /** Cache key of a filter's total: the filters as given, not the clock-derived bounds of "due soon". */
    private record TotalKey(String user, String scope, String agency, String state, String step, String procedure,
            String channel, String q, String due, String handlingPoint) {
    }

    /** Cache key of the badges: they depend on the official ("mine") and the agency scope only. */
    private record BadgeKey(String user, String scope, String agency) {
    }

    /** The badges: dossiers assigned to me, due soon, overdue, and per open state, in the chosen agency scope. */
    private Map<String, Long> counts(CityGovUser user, Filter base, Instant now, Instant soon) {
        int cap = QueuePage.COUNT_CAP + 1;
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("mine", queue.count(new Filter(user.username(), true, List.of(), null, true, null, null, null, null,
                null, null, null, null), cap));
        counts.put("dueSoon", queue.count(with(base, null, now, soon), cap));
        counts.put("overdue", queue.count(with(base, null, null, now), cap));
        for (String state : Workflow.STATES) {
            if (!Workflow.FINAL_STATES.contains(state)) {
                counts.put(state, queue.count(with(base, state, null, null), cap));
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    private static Filter with(Filter base, String state, Instant dueFrom, Instant dueBefore) {
        return new Filter(base.assignee(), base.everyAgency(), base.agencies(), state, true, null, null, null, null,
                null, dueFrom, dueBefore, null);
    }

    /**
     * Claims or forwards each listed dossier on its own, as if one by one: each is checked (state, version,
     * agency, assignee) and committed separately, and the result of each is reported.
     */
    public List<BulkAction.Result> bulk(BulkAction input) {
        official();
        if (input == null) {
            throw new InvalidInputException("body", "validation.required");
        }
        if (input.action() == null || !BULK_ACTIONS.contains(input.action().strip())) {
            throw new InvalidInputException("action", "dossiers.error.bulk-action");
        }
        if (input.items() == null || input.items().isEmpty() || input.items().size() > MAX_BULK) {
            throw new InvalidInputException("items", "dossiers.error.bulk-items");
        }
        List<BulkAction.Result> results = new ArrayList<>();
        for (BulkAction.Item item : input.items()) {
            if (item == null || item.id() == null) {
                throw new InvalidInputException("items", "dossiers.error.bulk-items");
            }
        }
        for (BulkAction.Item item : input.items()) {
            try {
                Dossier done = dossiers.act(item.id(), new DossierAction(input.action().strip(), item.version(),
                        input.comment(), null, null, input.assignee()));
                results.add(new BulkAction.Result(item.id(), 200, null, done.version()));
            } catch (CityGovException e) {
                results.add(new BulkAction.Result(item.id(), e.status().value(), e.code(), null));
            } catch (DataAccessException e) {
                // Two officials on the same dossier at once: the database decided, this one lost.
                results.add(new BulkAction.Result(item.id(), 409, "stale-version", null));
            }
        }
        return results;
    }

    /** The handling points receiving dossiers in the official's own agencies: the choices of the queue's filter. */
    public List<HandlingPoint> handlingPoints() {
        Filter own = scopeFilter(official(), "agency", null);
        return desks.get(List.copyOf(own.agencies()),
                agencies -> agencies.stream().flatMap(a -> handlingPoints.desks(a).stream()).toList());
    }

    /** A dossier's workflow steps with who received and handed over it, when, and whether on time. */
    public List<Step> steps(long dossierId) {
        dossiers.get(dossierId);
        return steps.steps(dossierId);
    }

    private Filter scopeFilter(CityGovUser user, String scope, String agency) {
        if ("mine".equals(scope)) {
            return new Filter(user.username(), true, List.of(), null, true, null, null, null, null, null, null, null, null);
        }
        boolean citywide = DossierService.PERMISSIONS.stream().anyMatch(user::canCitywide);
        Set<String> agencies = new TreeSet<>();
        for (CityGovUser.Grant g : user.grants()) {
            if (DossierService.PERMISSIONS.contains(g.permission()) && g.agencyCode() != null) {
                agencies.add(g.agencyCode());
            }
        }
        if (agency != null) {
            if (!citywide && !agencies.contains(agency)) {
                throw new ForbiddenException();
            }
            return new Filter(null, false, List.of(agency), null, true, null, null, null, null, null, null, null, null);
        }
        return new Filter(null, citywide, agencies, null, true, null, null, null, null, null, null, null, null);
    }

    private List<QueueItem> items(List<QueueRepository.Row> rows, Instant now, Instant soon) {
        boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        Map<String, String> names = new HashMap<>();
        return rows.stream().map(r -> {
            boolean open = !Workflow.FINAL_STATES.contains(r.state()) && Workflow.clockRunning(r.state());
            boolean overdue = open && r.dueAt() != null && calendar.isOverdue(r.dueAt(), now);
            boolean dueSoon = open && !overdue && r.dueAt() != null && r.dueAt().isBefore(soon);
            // A step can run late while the appointment is still ahead: the next steps then have less time.
            boolean stepOverdue = open && r.stepDueAt() != null && calendar.isOverdue(r.stepDueAt(), now);
            return new QueueItem(r.id(), r.code(), r.procedureCode(),
                    names.computeIfAbsent(r.procedureCode(), c -> procedureName(c, en)), r.agencyCode(),
                    r.workAgencyCode(), r.handlingPointCode(), r.state(), r.stepCode(), en ? r.stepNameEn() : r.stepName(), r.assignee(),
                    r.assigneeName(), r.applicantName(), r.channel(), r.submittedAt(), r.dueAt(), r.stepDueAt(),
                    overdue, dueSoon, stepOverdue, r.version());
        }).toList();
    }

    private String procedureName(String code, boolean en) {
        try {
            Procedure p = procedures.get(code);
            return en ? p.nameEn() : p.name();
        } catch (NotFoundException e) {
            return code;
        }
    }

    private Instant soon(Instant now) {
        return calendar.addWorkingDays(now, DUE_SOON_DAYS);
    }

    private static CityGovUser official() {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        if (DossierService.PERMISSIONS.stream().noneMatch(user::can)) {
            throw new ForbiddenException();
        }
        return user;
    }

    private static String choice(String field, String value, List<String> allowed, String fallback) {
        String v = clean(value);
        if (v == null) {
            return fallback;
        }
        if (!allowed.contains(v)) {
            throw new InvalidInputException(field, "dossiers.error.queue-filter");
        }
        return v;
    }

    private static String pattern(String field, String value, Pattern pattern) {
        String v = clean(value);
        if (v != null && !pattern.matcher(v).matches()) {
            throw new InvalidInputException(field, "dossiers.error.queue-filter");
        }
        return v;
    }

    private static String text(String value) {
        String v = clean(value);
        if (v == null) {
            return null;
        }
        // PostgreSQL refuses NUL in text; control characters never match a name anyway.
        v = v.replaceAll("\\p{Cntrl}", "");
        if (v.length() > MAX_Q) {
            throw new InvalidInputException("q", "dossiers.error.too-long");
        }
        return v.isEmpty() ? null : java.text.Normalizer.normalize(v, java.text.Normalizer.Form.NFC);
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
