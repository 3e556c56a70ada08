package vn.citygov.calendar.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.citygov.calendar.Holiday;
import vn.citygov.calendar.HolidaySource;
import vn.citygov.calendar.WorkdaySwap;

/** Feeds {@link vn.citygov.calendar.WorkingDayCalendar} from the database, one year at a time. */
@Component
class JdbcHolidaySource implements HolidaySource {

    private final CalendarRepository repository;

    JdbcHolidaySource(CalendarRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<Holiday> storedHolidays(int year) {
        return repository.holidaysOfYear(year);
    }

    @Override
    public List<WorkdaySwap> swaps(int year) {
        return repository.swapsOfYear(year);
    }
}
