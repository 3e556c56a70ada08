package vn.citygov.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import vn.citygov.calendar.internal.CalendarCsv;

/** The shipped CSV data, or any lists, as a {@link HolidaySource}; counts loads to test caching. */
class InMemoryHolidaySource implements HolidaySource {

    final List<Holiday> holidays;
    final List<WorkdaySwap> swaps;
    final AtomicInteger loads = new AtomicInteger();

    InMemoryHolidaySource(List<Holiday> holidays, List<WorkdaySwap> swaps) {
        this.holidays = new ArrayList<>(holidays);
        this.swaps = new ArrayList<>(swaps);
    }

    static InMemoryHolidaySource shippedData() {
        return new InMemoryHolidaySource(CalendarCsv.classpathHolidays(), CalendarCsv.classpathSwaps());
    }

    @Override
    public List<Holiday> storedHolidays(int year) {
        loads.incrementAndGet();
        return holidays.stream().filter(h -> h.date().getYear() == year).toList();
    }

    @Override
    public List<WorkdaySwap> swaps(int year) {
        return swaps.stream().filter(s -> s.date().getYear() == year).toList();
    }
}
