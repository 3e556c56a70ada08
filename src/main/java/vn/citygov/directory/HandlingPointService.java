package vn.citygov.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import jakarta.validation.Valid;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.directory.internal.AdminUnitRepository;
import vn.citygov.directory.internal.AgencyRepository;
import vn.citygov.directory.internal.HandlingPointRepository;
import vn.citygov.directory.internal.HistoryRepository;
import vn.citygov.directory.internal.SearchText;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;
import vn.citygov.platform.error.ConflictException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;

/**
 * Reads and changes handling points. Changing one needs {@code directory.edit} for the agency it
 * belongs to. Inactive points are listed only to users with {@code directory.view-internal}.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class HandlingPointService {

    static final String VIEW_INTERNAL = "directory.view-internal";
    private static final int HISTORY_LIMIT = 200;

    private final HandlingPointRepository points;
    private final AgencyRepository agencies;
    private final AdminUnitRepository units;
    private final HistoryRepository history;
    private final ApplicationEventPublisher events;

    HandlingPointService(HandlingPointRepository points, AgencyRepository agencies, AdminUnitRepository units,
            HistoryRepository history, ApplicationEventPublisher events) {
        this.points = points;
        this.agencies = agencies;
        this.units = units;
        this.history = history;
        this.events = events;
    }

    public PageResult<HandlingPoint> search(String q, String agency, String adminUnit, PageQuery page) {
        var filter = new HandlingPointRepository.Filter(SearchText.query(q), Codes.codeFilter("agency", agency),
                Codes.unitFilter("adminUnit", adminUnit), seesInactive(), false);
        long total = points.count(filter);
        if (total == 0 && !filter.q().isEmpty()) {
            filter = filter.fuzzily();
            total = points.count(filter);
        }
        return PageResult.of(points.search(filter, page.size(), page.offset()), total, page);
    }

    public HandlingPoint get(String code) {
        if (!Codes.isCode(code)) {
            throw new NotFoundException("handling-point", code);
        }
        return points.find(code).filter(p -> p.active() || seesInactive())
                .orElseThrow(() -> new NotFoundException("handling-point", code));
    }

    /**
     * The point as the directory holds it, paused or not, or empty: for modules that mirror the directory from its
     * events, which read without a user and must not fail (and roll back) on a point that is gone or paused.
     */
    public Optional<HandlingPoint> find(String code) {
        return Codes.isCode(code) ? points.find(code) : Optional.empty();
    }

    public List<HandlingPoint> ofAgency(String agencyCode) {
        return Codes.isCode(agencyCode) ? points.byAgency(agencyCode, seesInactive()) : List.of();
    }

    public List<HistoryEntry> history(String code) {
        get(code);
        return history.list("handling_point", code, HISTORY_LIMIT);
    }

    /** Whether the current user may add or change handling points of this agency. */
    public boolean canEdit(String agencyCode) {
        return CurrentUser.get().map(u -> u.can(AgencyService.EDIT, agencyCode)).orElse(false);
    }

    @Transactional
    public HandlingPoint create(@Valid NewHandlingPoint command) {
        Agency agency = agencies.find(command.agencyCode())
                .orElseThrow(() -> new NotFoundException("agency", command.agencyCode()));
        CityGovUser user = CurrentUser.require(AgencyService.EDIT, agency.code());
        if (!agency.active()) {
            throw new ConflictException("directory.error.not-active", agency.code());
        }
        checkUnit(command.adminUnitCode());
        var row = new HandlingPointRepository.Row(command.code(), agency.code(), command.name(), command.nameEn(),
                command.address(), command.adminUnitCode(), command.phone(), command.email(), command.workKinds(), true,
                searchKey(command.code(), command.name(), command.nameEn()));
        if (!points.insert(row)) {
            throw new ConflictException("directory.error.duplicate-code", command.code());
        }
        history.record("handling_point", command.code(), user.username(), "created", null, withoutNulls(values(row)));
        events.publishEvent(new HandlingPointCreated(command.code(), agency.code(), command.name()));
        return points.find(command.code()).orElseThrow();
    }

    @Transactional
    public HandlingPoint update(String code, @Valid HandlingPointChanges changes) {
        get(code);
        HandlingPoint current = points.findForUpdate(code)
                .orElseThrow(() -> new NotFoundException("handling-point", code));
        CityGovUser user = CurrentUser.require(AgencyService.EDIT, current.agencyCode());
        if (current.version() != changes.version()) {
            throw new OptimisticLockingFailureException("handling point " + code + " changed");
        }
        checkUnit(changes.adminUnitCode());
        boolean active = changes.active() == null ? current.active() : changes.active();
        var before = values(rowOf(current));
        var row = new HandlingPointRepository.Row(code, current.agencyCode(), changes.name(), changes.nameEn(),
                changes.address(), changes.adminUnitCode(), changes.phone(), changes.email(), changes.workKinds(),
                active, searchKey(code, changes.name(), changes.nameEn()));
        Map<String, Object> diff = Events.diff(before, values(row));
        if (diff.isEmpty()) {
            return current;
        }
        if (!points.update(code, changes.version(), row)) {
            throw new OptimisticLockingFailureException("handling point " + code + " changed");
        }
        String action = diff.containsKey("name") ? "renamed" : "updated";
        history.record("handling_point", code, user.username(), action, AgencyService.side(diff, "from"),
                AgencyService.side(diff, "to"));
        events.publishEvent(new HandlingPointUpdated(code, current.agencyCode(), action, diff));
        return points.find(code).orElseThrow();
    }

    private void checkUnit(String adminUnitCode) {
        if (adminUnitCode != null && units.find(adminUnitCode).isEmpty()) {
            throw new InvalidInputException("adminUnitCode", "directory.error.unknown-unit", adminUnitCode);
        }
    }

    private static boolean seesInactive() {
        return CurrentUser.get().map(u -> u.can(VIEW_INTERNAL)).orElse(false);
    }

    private static String searchKey(String code, String name, String nameEn) {
        return SearchText.key(name, nameEn, code);
    }

    private static HandlingPointRepository.Row rowOf(HandlingPoint p) {
        return new HandlingPointRepository.Row(p.code(), p.agencyCode(), p.name(), p.nameEn(), p.address(),
                p.adminUnitCode(), p.phone(), p.email(), p.workKinds(), p.active(), null);
    }

    private static Map<String, Object> values(HandlingPointRepository.Row row) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", row.name());
        map.put("nameEn", row.nameEn());
        map.put("address", row.address());
        map.put("adminUnitCode", row.adminUnitCode());
        map.put("phone", row.phone());
        map.put("email", row.email());
        map.put("workKinds", row.workKinds());
        map.put("active", row.active());
        return map;
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> values) {
        values.values().removeIf(java.util.Objects::isNull);
        return values;
    }
}
