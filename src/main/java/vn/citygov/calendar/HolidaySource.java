package vn.citygov.calendar;

import java.util.List;

/**
 * Where {@link WorkingDayCalendar} gets a year's stored holidays and swaps; the database in production,
 * a list in unit tests.
 */
public interface HolidaySource {

    /** Holidays stored for the solar year; empty when the year has no data (then {@link HolidayRules} applies). */
    List<Holiday> storedHolidays(int year);

    /** Working-day swaps stored for the solar year. */
    List<WorkdaySwap> swaps(int year);
}
