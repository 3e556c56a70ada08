package vn.citygov.calendar.internal;

import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.citygov.calendar.Holiday;
import vn.citygov.calendar.HolidayConflictException;
import vn.citygov.calendar.HolidayEdit;
import vn.citygov.calendar.HolidayKind;
import vn.citygov.calendar.HolidayNotFoundException;
import vn.citygov.calendar.HolidayRules;
import vn.citygov.calendar.HolidayStatus;
import vn.citygov.calendar.WorkingDayCalendar;

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

    HolidayAdminService(CalendarRepository repository, WorkingDayCalendar calendar) {
        this.repository = repository;
        this.calendar = calendar;
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
                throw new HolidayConflictException("No holiday on " + date + " any more; it was deleted");
            }
            repository.insertHoliday(holiday);
        } else if (edit.version() == null) {
            throw new HolidayConflictException("A holiday exists on " + date + "; send its version to change it");
        } else if (!repository.updateHoliday(holiday, edit.version())) {
            throw new HolidayConflictException("The holiday on " + date + " was changed by someone else (version "
                    + existing.get().version() + ")");
        }
        invalidateAfterCommit(date.getYear());
        return repository.findHoliday(date).orElseThrow();
    }

    /** Deletes the holiday on {@code date}; with a version, only if it is still that version. */
    @Transactional
    public void delete(LocalDate date, Integer version) {
        checkYear(date);
        materializeComputedYear(date.getYear());
        if (!repository.deleteHoliday(date, version)) {
            if (repository.findHoliday(date).isPresent()) {
                throw new HolidayConflictException("The holiday on " + date + " was changed by someone else");
            }
            throw new HolidayNotFoundException("No holiday on " + date);
        }
        invalidateAfterCommit(date.getYear());
    }

    private void materializeComputedYear(int year) {
        if (repository.countHolidaysOfYear(year) == 0) {
            HolidayRules.compute(year).forEach(repository::insertHoliday);
        }
    }

    private void invalidateAfterCommit(int year) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    calendar.invalidate(year);
                }
            });
        } else {
            calendar.invalidate(year);
        }
    }

    private static void checkYear(LocalDate date) {
        if (date.getYear() < WorkingDayCalendar.MIN_YEAR || date.getYear() > WorkingDayCalendar.MAX_YEAR) {
            throw new IllegalArgumentException("Year out of the supported range " + WorkingDayCalendar.MIN_YEAR
                    + "-" + WorkingDayCalendar.MAX_YEAR + ": " + date.getYear());
        }
    }

    private static Holiday validate(LocalDate date, HolidayEdit edit) {
        if (edit == null) {
            throw new IllegalArgumentException("A holiday body is required");
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
            throw new IllegalArgumentException(field + " is required");
        }
        return optional(field, value);
    }

    private static String optional(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_TEXT + " characters");
        }
        return value.strip();
    }
}
