package vn.citygov.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import jakarta.validation.Valid;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import vn.citygov.directory.internal.DirectoryCaches;
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
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;

/**
 * Reads and changes agencies. Reads are public. Creating and merging agencies is for city
 * administrators; editing an agency needs {@code directory.edit} for that very agency, so a ward's
 * administrator can change only their own ward's entry.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class AgencyService {

    static final String EDIT = "directory.edit";
    static final String CREATE = "directory.create";
    private static final int HISTORY_LIMIT = 200;

    private final AgencyRepository agencies;
    private final AdminUnitRepository units;
    private final HandlingPointRepository points;
    private final HistoryRepository history;
    private final ApplicationEventPublisher events;

    AgencyService(AgencyRepository agencies, AdminUnitRepository units, HandlingPointRepository points,
            HistoryRepository history, ApplicationEventPublisher events) {
        this.agencies = agencies;
        this.points = points;
        this.units = units;
        this.history = history;
        this.events = events;
    }

    public PageResult<AgencySummary> search(String q, String kind, String parent, String adminUnit, PageQuery page) {
        if (kind != null && !kind.isBlank() && !Agency.KINDS.contains(kind)) {
            throw new InvalidInputException("kind", "directory.validation.kind");
        }
        var filter = new AgencyRepository.Filter(SearchText.query(q), blankToEmpty(kind),
                Codes.codeFilter("parent", parent), Codes.unitFilter("adminUnit", adminUnit), false);
        // Exact words first; only when they find nothing, look for similar spellings.
        long total = agencies.count(filter);
        if (total == 0 && !filter.q().isEmpty()) {
            filter = filter.fuzzily();
            total = agencies.count(filter);
        }
        return PageResult.of(agencies.search(filter, page.size(), page.offset()), total, page);
    }

    // The default key (the code itself) needs no expression to evaluate on every call, unlike key = "#code".
    @Cacheable(DirectoryCaches.AGENCIES)
    public Agency get(String code) {
        if (!Codes.isCode(code)) {
            throw new NotFoundException("agency", code);
        }
        return agencies.find(code).orElseThrow(() -> new NotFoundException("agency", code));
    }

    @Cacheable(DirectoryCaches.AGENCY_EXISTS)
    public boolean exists(String code) {
        return Codes.isCode(code) && agencies.exists(code);
    }

    public List<AgencySummary> children(String code) {
        return Codes.isCode(code) ? agencies.children(code) : List.of();
    }

    /** The agencies (ward People's Committees) of one administrative unit. */
    public List<AgencySummary> ofAdminUnit(String unitCode) {
        return Codes.isUnitCode(unitCode) ? agencies.byAdminUnit(unitCode) : List.of();
    }

    /** Active agencies, for pick lists. */
    public List<AgencySummary> allActive() {
        return agencies.allActive();
    }

    public List<HistoryEntry> history(String code) {
        get(code);
        return history.list("agency", code, HISTORY_LIMIT);
    }

    /** Whether the current user may edit this agency (for showing edit links). */
    public boolean canEdit(String code) {
        return CurrentUser.get().map(u -> u.can(EDIT, code)).orElse(false);
    }

    public boolean canCreate() {
        return CurrentUser.get().map(u -> u.canCitywide(CREATE)).orElse(false);
    }

    @Transactional
    public Agency create(@Valid NewAgency command) {
        requireCitywide(CREATE);
        if (agencies.exists(command.code())) {
            throw new ConflictException("directory.error.duplicate-code", command.code());
        }
        checkReferences(command.code(), command.parentCode(), command.adminUnitCode());
        var row = new AgencyRepository.Row(command.code(), command.name(), command.nameEn(), command.kind(),
                command.parentCode(), command.adminUnitCode(), command.address(), command.phone(), command.email(),
                command.website(), command.validFrom(), null, searchKey(command.code(), command.name(), command.nameEn()));
        if (!agencies.insert(row)) {
            throw new ConflictException("directory.error.duplicate-code", command.code());
        }
        history.record("agency", command.code(), CurrentUser.name(), "created", null, withoutNulls(values(row)));
        events.publishEvent(new AgencyCreated(command.code(), command.name(), command.kind(), command.parentCode()));
        return get(command.code());
    }

    @Transactional
    public Agency update(String code, @Valid AgencyChanges changes) {
        get(code);
        Agency current = agencies.findForUpdate(code).orElseThrow(() -> new NotFoundException("agency", code));
        CityGovUser user = CurrentUser.require(EDIT, code);
        // Where an agency sits in the hierarchy is the city's decision, not the agency's own.
        if ((!Objects.equals(current.kind(), changes.kind()) || !Objects.equals(current.parentCode(), changes.parentCode())
                || !Objects.equals(current.adminUnitCode(), changes.adminUnitCode())) && !user.canCitywide(CREATE)) {
            throw new ForbiddenException();
        }
        if (current.version() != changes.version()) {
            throw new OptimisticLockingFailureException("agency " + code + " changed since version " + changes.version());
        }
        if (!current.active()) {
            throw new ConflictException("directory.error.not-active", code);
        }
        checkReferences(code, changes.parentCode(), changes.adminUnitCode());
        var before = values(rowOf(current));
        var row = new AgencyRepository.Row(code, changes.name(), changes.nameEn(), changes.kind(), changes.parentCode(),
                changes.adminUnitCode(), changes.address(), changes.phone(), changes.email(), changes.website(),
                current.validFrom(), current.note(), searchKey(code, changes.name(), changes.nameEn()));
        Map<String, Object> diff = Events.diff(before, values(row));
        if (diff.isEmpty()) {
            return current;
        }
        if (!agencies.update(code, changes.version(), row)) {
            throw new OptimisticLockingFailureException("agency " + code + " changed since version " + changes.version());
        }
        String action = diff.containsKey("name") ? "renamed" : "updated";
        history.record("agency", code, user.username(), action, side(diff, "from"), side(diff, "to"));
        events.publishEvent(new AgencyUpdated(code, action, diff));
        return get(code);
    }

    /**
     * Merges an agency into another: it is marked merged, and the target takes over its children and
     * handling points. Both keep the history.
     */
    @Transactional
    public Agency merge(String code, String into) {
        requireCitywide(CREATE);
        if (into == null || into.isBlank()) {
            throw new InvalidInputException("into", "validation.required");
        }
        get(code);
        if (!Codes.isCode(into)) {
            throw new InvalidInputException("into", "directory.validation.code");
        }
        if (code.equals(into)) {
            throw new InvalidInputException("into", "directory.error.merge-self");
        }
        Agency source = agencies.findForUpdate(code).orElseThrow(() -> new NotFoundException("agency", code));
        Agency target = agencies.findForUpdate(into).orElseThrow(() -> new NotFoundException("agency", into));
        if (!source.active() || !target.active()) {
            throw new ConflictException("directory.error.not-active", source.active() ? into : code);
        }
        String by = CurrentUser.name();
        agencies.markMerged(code, into);
        List<String> movedChildren = agencies.moveChildren(code, into, source.parentCode());
        List<String> movedPoints = points.moveToAgency(code, into);
        history.record("agency", code, by, "merged", Map.of("status", "active"),
                Map.of("status", "merged", "mergedInto", into));
        Map<String, Object> absorbed = new LinkedHashMap<>();
        absorbed.put("absorbed", code);
        absorbed.put("children", movedChildren);
        absorbed.put("handlingPoints", movedPoints);
        history.record("agency", into, by, "updated", null, absorbed);
        for (String point : movedPoints) {
            history.record("handling_point", point, by, "updated", Map.of("agencyCode", code), Map.of("agencyCode", into));
        }
        events.publishEvent(new AgencyMerged(code, into));
        return get(code);
    }

    private void checkReferences(String code, String parentCode, String adminUnitCode) {
        if (parentCode != null) {
            if (parentCode.equals(code)) {
                throw new InvalidInputException("parentCode", "directory.error.parent-self");
            }
            if (!agencies.exists(parentCode)) {
                throw new InvalidInputException("parentCode", "directory.error.unknown-agency", parentCode);
            }
        }
        if (adminUnitCode != null && units.find(adminUnitCode).isEmpty()) {
            throw new InvalidInputException("adminUnitCode", "directory.error.unknown-unit", adminUnitCode);
        }
    }

    private static void requireCitywide(String permission) {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        if (!user.canCitywide(permission)) {
            throw new ForbiddenException();
        }
    }

    private static String searchKey(String code, String name, String nameEn) {
        return SearchText.agencyKey(code, name, nameEn);
    }

    private static AgencyRepository.Row rowOf(Agency a) {
        return new AgencyRepository.Row(a.code(), a.name(), a.nameEn(), a.kind(), a.parentCode(), a.adminUnitCode(),
                a.address(), a.phone(), a.email(), a.website(), a.validFrom(), a.note(), null);
    }

    private static Map<String, Object> values(AgencyRepository.Row row) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", row.name());
        map.put("nameEn", row.nameEn());
        map.put("kind", row.kind());
        map.put("parentCode", row.parentCode());
        map.put("adminUnitCode", row.adminUnitCode());
        map.put("address", row.address());
        map.put("phone", row.phone());
        map.put("email", row.email());
        map.put("website", row.website());
        return map;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> side(Map<String, Object> diff, String side) {
        Map<String, Object> map = new LinkedHashMap<>();
        diff.forEach((field, change) -> map.put(field, ((Map<String, Object>) change).get(side)));
        return map;
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> values) {
        values.values().removeIf(java.util.Objects::isNull);
        return values;
    }
}
