package vn.citygov.calendar.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.calendar.Holiday;
import vn.citygov.calendar.HolidayChanged;
import vn.citygov.calendar.HolidayEdit;
import vn.citygov.calendar.HolidayKind;
import vn.citygov.calendar.HolidayRules;
import vn.citygov.calendar.HolidayStatus;
import vn.citygov.calendar.WorkingDayCalendar;
import vn.citygov.platform.error.ConflictException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.database.AfterCommit;

/**
 * Administrators' changes to the holidays, with optimistic locking on {@code version}.
 *
 * <p>The first edit in a year without data first stores that year's computed holidays (status
 * {@code computed}); otherwise one stored holiday would switch the year from "computed" to "data" and
 * drop all the others.
 */
@Service
public class HolidayAdminService {

    private static final int MAX_TEXT = 500;

    private final CalendarRepository repository;
    private final WorkingDayCalendar calendar;
    private final ApplicationEventPublisher events;

    HolidayAdminService(CalendarRepository repository, WorkingDayCalendar calendar, ApplicationEventPublisher events) {
        this.repository = repository;
        this.calendar = calendar;
        this.events = events;
    }

    /** Creates (version null) or updates (version = the one read) the holiday on {@code date}. */
    @Transactional
    public Holiday put(LocalDate date, HolidayEdit edit) {
        checkYear(date);
        Holiday holiday = validate(date, edit);
        materializeComputedYear(date.getYear());
        var existing = repository.findHoliday(date);
        if (existing.isEmpty()) {
            if (edit.version() != null && edit.version() != 0) {
                throw new ConflictException("calendar.error.holiday-deleted", date);
            }
            if (!repository.insertHoliday(holiday)) {
                // Another administrator created it between our read and our insert.
                throw new ConflictException("calendar.error.holiday-exists", date);
            }
        } else if (edit.version() == null) {
            throw new ConflictException("calendar.error.holiday-exists", date);
        } else if (!repository.updateHoliday(holiday, edit.version())) {
            throw new ConflictException("calendar.error.stale-version", date, existing.get().version());
        }
        Holiday saved = repository.findHoliday(date).orElseThrow();
        events.publishEvent(new HolidayChanged(date.toString(), existing.isEmpty() ? "created" : "updated",
                changes(existing.orElse(null), saved)));
        invalidateAfterCommit(date.getYear());
        return saved;
    }

    /** Deletes the holiday on {@code date}; with a version, only if it is still that version. */
    @Transactional
    public void delete(LocalDate date, Integer version) {
        checkYear(date);
        materializeComputedYear(date.getYear());
        Holiday existing = repository.findHoliday(date).orElseThrow(() -> new NotFoundException("holiday", date));
        if (!repository.deleteHoliday(date, version)) {
            throw new ConflictException("calendar.error.stale-version", date, existing.version());
        }
        events.publishEvent(new HolidayChanged(date.toString(), "deleted",
                Map.of("nameVi", existing.nameVi(), "status", existing.status().code())));
        invalidateAfterCommit(date.getYear());
    }

    private void materializeComputedYear(int year) {
        if (repository.countHolidaysOfYear(year) == 0) {
            HolidayRules.compute(year).forEach(repository::insertHoliday);
        }
    }

    private void invalidateAfterCommit(int year) {
        AfterCommit.run(() -> calendar.invalidate(year));
    }

    private static void checkYear(LocalDate date) {
        if (date.getYear() < WorkingDayCalendar.MIN_YEAR || date.getYear() > WorkingDayCalendar.MAX_YEAR) {
            throw new InvalidInputException("date", "calendar.error.year-range",
                    String.valueOf(WorkingDayCalendar.MIN_YEAR), String.valueOf(WorkingDayCalendar.MAX_YEAR));
        }
    }

    /** Field → {"from", "to"} for what an update changed, or field → value for a new holiday. */
    private static Map<String, Object> changes(Holiday before, Holiday after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        put(changes, "nameVi", before == null ? null : before.nameVi(), after.nameVi(), before == null);
        put(changes, "nameEn", before == null ? null : before.nameEn(), after.nameEn(), before == null);
        put(changes, "kind", before == null ? null : before.kind().code(), after.kind().code(), before == null);
        put(changes, "status", before == null ? null : before.status().code(), after.status().code(), before == null);
        put(changes, "source", before == null ? null : before.source(), after.source(), before == null);
        put(changes, "note", before == null ? null : before.note(), after.note(), before == null);
        return changes;
    }

    private static void put(Map<String, Object> changes, String field, Object from, Object to, boolean created) {
        if (created) {
            if (to != null) {
                changes.put(field, to);
            }
        } else if (!java.util.Objects.equals(from, to)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", from);
            change.put("to", to);
            changes.put(field, change);
        }
    }

    private static Holiday validate(LocalDate date, HolidayEdit edit) {
        if (edit == null) {
            throw new InvalidInputException("nameVi", "calendar.error.required", "nameVi");
        }
        String nameVi = required("nameVi", edit.nameVi());
        String nameEn = required("nameEn", edit.nameEn());
        HolidayKind kind = edit.kind() == null ? HolidayKind.FIXED : edit.kind();
        HolidayStatus status = edit.status() == null ? HolidayStatus.OFFICIAL : edit.status();
        return new Holiday(date, nameVi, nameEn, kind, status, optional("source", edit.source()),
                optional("note", edit.note()), null, 0);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "calendar.error.required", field);
        }
        return optional(field, value);
    }

    private static String optional(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "calendar.error.too-long", field, MAX_TEXT);
        }
        return value.strip();
    }
}
