package vn.citygov.feedback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.feedback.internal.CityMap;
import vn.citygov.feedback.internal.HandlingPointRow;
import vn.citygov.feedback.internal.ReportRepository;
import vn.citygov.feedback.internal.SettingsRepository;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;
import vn.citygov.platform.error.ConflictException;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;

/**
 * Categories and routing rules without code. Categories are city-wide, so only city-wide coordinators
 * (feedback.coordinate without an agency) edit them; a routing rule may be edited by a coordinator of the
 * agency of its handling point — before and after the change — or a city-wide one. Every change is audited.
 */
@Service
public class FeedbackSettingsService {

    static final String COORDINATE = "feedback.coordinate";
    private static final int MAX_NAME = 200;
    private static final int MAX_DAYS = 365;
    private static final int MAX_HOURS = 2000;

    private final SettingsRepository settings;
    private final ReportRepository reports;
    private final CityMap map;
    private final ApplicationEventPublisher events;

    FeedbackSettingsService(SettingsRepository settings, ReportRepository reports, CityMap map,
            ApplicationEventPublisher events) {
        this.settings = settings;
        this.reports = reports;
        this.map = map;
        this.events = events;
    }

    // ---------------------------------------------------------------- categories

    /** Every category, inactive ones included; any coordinator may read them. */
    public List<CategorySettings> categories() {
        anyCoordinator();
        return settings.categories();
    }

    public CategorySettings category(String code) {
        anyCoordinator();
        return settings.category(code).orElseThrow(() -> new NotFoundException("feedback-category", code));
    }

    @Transactional
    public CategorySettings createCategory(CategorySettings in) {
        citywide();
        if (in == null) {
            throw new InvalidInputException("code", "validation.required");
        }
        String code = in.code() == null ? null : in.code().strip();
        if (code == null || !code.matches("[a-z0-9][a-z0-9-]{1,39}")) {
            throw new InvalidInputException("code", "feedback.error.category-code");
        }
        CategorySettings c = checked(code, in, 0);
        if (!settings.insertCategory(c)) {
            throw new ConflictException("feedback.error.category-taken", code);
        }
        CategorySettings saved = settings.category(code).orElseThrow();
        events.publishEvent(new FeedbackSettingChanged("feedback-category", code, "created", fields(null, saved), null));
        return saved;
    }

    @Transactional
    public CategorySettings updateCategory(String code, CategorySettings in) {
        citywide();
        CategorySettings before = settings.category(code).orElseThrow(() -> new NotFoundException("feedback-category", code));
        if (in == null || in.version() == null) {
            throw new InvalidInputException("version", "validation.required");
        }
        // Without attributes the category keeps its own; an empty list removes them.
        CategorySettings c = checked(code, in.attributes() != null ? in : withAttributes(in, before.attributes()),
                in.version());
        if (!settings.updateCategory(c)) {
            throw new ConflictException("feedback.error.stale-setting");
        }
        CategorySettings saved = settings.category(code).orElseThrow();
        Map<String, Object> changes = fields(before, saved);
        if (!changes.isEmpty()) {
            events.publishEvent(new FeedbackSettingChanged("feedback-category", code, "changed", changes, null));
        }
        return saved;
    }

    private static CategorySettings withAttributes(CategorySettings in, List<CategoryAttribute> attributes) {
        return new CategorySettings(in.code(), in.nameVi(), in.nameEn(), in.deadlineDays(), in.deadlineHours(),
                in.isPublic(), in.active(), in.sortOrder(), in.version(), attributes);
    }

    private static CategorySettings checked(String code, CategorySettings in, int version) {
        String vi = text("nameVi", in.nameVi());
        String en = text("nameEn", in.nameEn());
        Integer days = in.deadlineDays();
        Integer hours = in.deadlineHours();
        if ((days == null) == (hours == null)) {
            throw new InvalidInputException("deadlineDays", "feedback.error.deadline");
        }
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            throw new InvalidInputException("deadlineDays", "feedback.error.deadline-range", 1, MAX_DAYS);
        }
        if (hours != null && (hours < 1 || hours > MAX_HOURS)) {
            throw new InvalidInputException("deadlineHours", "feedback.error.deadline-range", 1, MAX_HOURS);
        }
        int sort = in.sortOrder() == null ? 0 : in.sortOrder();
        if (sort < 0 || sort > 100_000) {
            throw new InvalidInputException("sortOrder", "error.invalid-parameter", "sortOrder");
        }
        return new CategorySettings(code, vi, en, days, hours, !Boolean.FALSE.equals(in.isPublic()),
                !Boolean.FALSE.equals(in.active()), sort, version, CategoryAttributes.checkDefinitions(in.attributes()));
    }

    private static String text(String field, String value) {
        String v = value == null ? "" : value.replace("\u0000", "").strip();
        if (v.isEmpty()) {
            throw new InvalidInputException(field, "error.required", field);
        }
        if (v.length() > MAX_NAME) {
            throw new InvalidInputException(field, "feedback.error.name-length", MAX_NAME);
        }
        return v;
    }

    private static Map<String, Object> fields(CategorySettings before, CategorySettings after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        change(changes, "nameVi", before == null ? null : before.nameVi(), after.nameVi(), before == null);
        change(changes, "nameEn", before == null ? null : before.nameEn(), after.nameEn(), before == null);
        change(changes, "deadlineDays", before == null ? null : before.deadlineDays(), after.deadlineDays(), before == null);
        change(changes, "deadlineHours", before == null ? null : before.deadlineHours(), after.deadlineHours(), before == null);
        change(changes, "public", before == null ? null : before.isPublic(), after.isPublic(), before == null);
        change(changes, "active", before == null ? null : before.active(), after.active(), before == null);
        change(changes, "sortOrder", before == null ? null : before.sortOrder(), after.sortOrder(), before == null);
        change(changes, "attributes", before == null ? null : orNull(before.attributes()), orNull(after.attributes()),
                before == null);
        return changes;
    }

    private static List<CategoryAttribute> orNull(List<CategoryAttribute> attributes) {
        return attributes == null || attributes.isEmpty() ? null : attributes;
    }

    private static void change(Map<String, Object> changes, String field, Object from, Object to, boolean created) {
        if (created) {
            if (to != null) {
                changes.put(field, to);
            }
        } else if (!Objects.equals(from, to)) {
            Map<String, Object> fromTo = new LinkedHashMap<>();
            fromTo.put("from", from);
            fromTo.put("to", to);
            changes.put(field, fromTo);
        }
    }

    // ---------------------------------------------------------------- routing rules

    /** Rules, filtered; coordinators of an agency see their agency's rules unless they filter otherwise. */
    public PageResult<RoutingRule> rules(String category, String unit, String agency, PageQuery page) {
        CityGovUser user = anyCoordinator();
        String c = FeedbackService.codeParam("category", category);
        String u = FeedbackService.codeParam("unit", unit);
        String a = FeedbackService.codeParam("agency", agency);
        if (a == null && !user.canCitywide(COORDINATE)) {
            a = user.agencyCodes().stream().filter(x -> user.can(COORDINATE, x)).sorted().findFirst().orElse(null);
        }
        return PageResult.of(settings.rules(c, u, a, page.size(), page.offset()), settings.countRules(c, u, a), page);
    }

    public RoutingRule rule(long id) {
        anyCoordinator();
        return settings.rule(id).orElseThrow(() -> new NotFoundException("feedback-routing", id));
    }

    @Transactional
    public RoutingRule createRule(RoutingRule in) {
        anyCoordinator();
        if (in == null) {
            throw new InvalidInputException("categoryCode", "validation.required");
        }
        String category = FeedbackService.codeParam("categoryCode", in.categoryCode());
        if (category == null || settings.category(category).isEmpty()) {
            throw new InvalidInputException("categoryCode", "feedback.error.category");
        }
        String unit = FeedbackService.codeParam("adminUnitCode", in.adminUnitCode());
        if (unit != null && map.unit(unit).isEmpty()) {
            throw new InvalidInputException("adminUnitCode", "feedback.error.admin-unit");
        }
        HandlingPointRow point = point(in.handlingPointCode());
        mayEdit(point.agencyCode());
        long id = settings.insertRule(category, unit, point.code())
                .orElseThrow(() -> new ConflictException("feedback.error.rule-taken"));
        RoutingRule saved = settings.rule(id).orElseThrow();
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("categoryCode", category);
        if (unit != null) {
            changes.put("adminUnitCode", unit);
        }
        changes.put("handlingPointCode", point.code());
        events.publishEvent(new FeedbackSettingChanged("feedback-routing", String.valueOf(id), "created", changes,
                point.agencyCode()));
        return saved;
    }

    @Transactional
    public RoutingRule updateRule(long id, RoutingRule in) {
        anyCoordinator();
        RoutingRule before = settings.rule(id).orElseThrow(() -> new NotFoundException("feedback-routing", id));
        mayEdit(before.agencyCode());
        if (in == null || in.version() == null) {
            throw new InvalidInputException("version", "validation.required");
        }
        HandlingPointRow point = point(in.handlingPointCode());
        mayEdit(point.agencyCode());
        if (!settings.updateRule(id, point.code(), in.version())) {
            throw new ConflictException("feedback.error.stale-setting");
        }
        if (!point.code().equals(before.handlingPointCode())) {
            events.publishEvent(new FeedbackSettingChanged("feedback-routing", String.valueOf(id), "changed",
                    Map.of("handlingPointCode", Map.of("from", before.handlingPointCode(), "to", point.code())),
                    point.agencyCode()));
        }
        return settings.rule(id).orElseThrow();
    }

    @Transactional
    public void deleteRule(long id) {
        anyCoordinator();
        RoutingRule before = settings.rule(id).orElseThrow(() -> new NotFoundException("feedback-routing", id));
        mayEdit(before.agencyCode());
        settings.deleteRule(id);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("categoryCode", before.categoryCode());
        if (before.adminUnitCode() != null) {
            changes.put("adminUnitCode", before.adminUnitCode());
        }
        changes.put("handlingPointCode", before.handlingPointCode());
        events.publishEvent(new FeedbackSettingChanged("feedback-routing", String.valueOf(id), "removed", changes,
                before.agencyCode()));
    }

    private HandlingPointRow point(String code) {
        String c = FeedbackService.codeParam("handlingPointCode", code);
        if (c == null) {
            throw new InvalidInputException("handlingPointCode", "validation.required");
        }
        return reports.point(c).orElseThrow(() -> new InvalidInputException("handlingPointCode",
                "feedback.error.handling-point"));
    }

    // ---------------------------------------------------------------- who may

    private static CityGovUser anyCoordinator() {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        if (!user.can(COORDINATE)) {
            throw new ForbiddenException();
        }
        return user;
    }

    private static void citywide() {
        if (!anyCoordinator().canCitywide(COORDINATE)) {
            throw new ForbiddenException();
        }
    }

    private static void mayEdit(String agencyCode) {
        if (!anyCoordinator().can(COORDINATE, agencyCode)) {
            throw new ForbiddenException();
        }
    }
}
