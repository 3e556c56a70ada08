package vn.citygov.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Working days and legal deadlines of Ho Chi Minh City's public offices; every module computes its
 * statutory time limits (thời hạn giải quyết) here.
 *
 * <p>Rules:
 * <ul>
 *   <li>Time zone {@code citygov.calendar.zone} (Asia/Ho_Chi_Minh). Working hours 07:30–11:30 and
 *       13:00–17:00 ({@code citygov.calendar.morning-start} … {@code afternoon-end}).</li>
 *   <li>A working day is Monday–Friday, plus a Saturday (or Sunday) stored as a {@code workday} swap,
 *       minus public holidays and {@code day_off} swaps. Holidays come from the data for years that have
 *       any; other years use {@link HolidayRules} (status {@code computed}).</li>
 *   <li>Receipt: a dossier received on a working day before the cut-off ({@code citygov.calendar.cut-off},
 *       15:00) counts as received that day; at or after the cut-off, or on a day off, it counts as
 *       received on the next working day.</li>
 *   <li>{@link #addWorkingDays}: counting starts on the working day after the (effective) receipt day; the
 *       deadline is the end of the working day (17:00) of the n-th working day. n = 0 gives the end of
 *       the receipt day.</li>
 *   <li>{@link #addWorkingHours}: only time inside the working-hour windows of working days counts, from
 *       the receipt moment (or the next window start); no cut-off applies. A deadline that uses up a
 *       window exactly ends at that window's end (e.g. 11:30), not at the next start.</li>
 *   <li>{@link #workingDaysBetween}: working days in the half-open range (from, to]; negative if to &lt; from.</li>
 * </ul>
 *
 * <p>Each year's working days are computed once into a bit table and kept in memory, so a deadline costs
 * no database call. Administrators' edits call {@link #invalidate(int)}; entries also expire after
 * {@code citygov.calendar.cache-ttl} so edits made on another node show up. Thread-safe.
 */
public class WorkingDayCalendar {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2199;

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

    private final CalendarProperties properties;
    private final HolidaySource source;
    private final LongSupplier nanoTime;
    private final LocalTime[][] windows;
    private final ConcurrentHashMap<Integer, Year> years = new ConcurrentHashMap<>();

    /** One year's effective calendar; immutable once built. */
    private record Year(int number, boolean[] working, int[] cumulative, List<Holiday> holidays,
            List<WorkdaySwap> swaps, boolean computed, long loadedAt) {

        boolean isWorking(LocalDate date) {
            return working[date.getDayOfYear() - 1];
        }

        int total() {
            return cumulative[working.length];
        }
    }

    public WorkingDayCalendar(CalendarProperties properties, HolidaySource source) {
        this(properties, source, System::nanoTime);
    }

    WorkingDayCalendar(CalendarProperties properties, HolidaySource source, LongSupplier nanoTime) {
        this.properties = Objects.requireNonNull(properties);
        this.source = Objects.requireNonNull(source);
        this.nanoTime = nanoTime;
        this.windows = new LocalTime[][] {
            {properties.morningStart(), properties.morningEnd()},
            {properties.afternoonStart(), properties.afternoonEnd()}};
    }

    public CalendarProperties properties() {
        return properties;
    }

    public ZoneId zone() {
        return properties.zone();
    }

    public boolean isWorkingDay(LocalDate date) {
        return year(date.getYear()).isWorking(date);
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate day = date.plusDays(1);
        for (int i = 0; i < 400; i++, day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                return day;
            }
        }
        throw new IllegalStateException("No working day within 400 days after " + date);
    }

    /** The day a dossier received at {@code received} counts as received (see the cut-off rule). */
    public LocalDate effectiveReceiptDay(Instant received) {
        ZonedDateTime local = received.atZone(properties.zone());
        LocalDate date = local.toLocalDate();
        if (isWorkingDay(date) && local.toLocalTime().isBefore(properties.cutOff())) {
            return date;
        }
        return nextWorkingDay(date);
    }

    /** The deadline for a time limit of {@code n} working days: 17:00 on the n-th working day after receipt. */
    public Instant addWorkingDays(Instant received, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("workingDays must not be negative: " + n);
        }
        LocalDate day = effectiveReceiptDay(received);
        for (int i = 0; i < n; i++) {
            day = nextWorkingDay(day);
        }
        return endOfWorkingDay(day);
    }

    /** The deadline for a time limit of {@code hours} working hours, counted inside office hours from receipt. */
    public Instant addWorkingHours(Instant received, int hours) {
        if (hours < 0) {
            throw new IllegalArgumentException("workingHours must not be negative: " + hours);
        }
        long remaining = hours * 60L;
        LocalDateTime t = LocalDateTime.ofInstant(received, properties.zone()).truncatedTo(ChronoUnit.SECONDS);
        if (remaining == 0) {
            return received;
        }
        while (true) {
            LocalDate date = t.toLocalDate();
            if (isWorkingDay(date)) {
                LocalTime time = t.toLocalTime();
                for (LocalTime[] window : windows) {
                    if (!time.isBefore(window[1])) {
                        continue;
                    }
                    LocalTime start = time.isBefore(window[0]) ? window[0] : time;
                    long available = Duration.between(start, window[1]).toMinutes();
                    if (remaining <= available) {
                        return date.atTime(start.plusMinutes(remaining)).atZone(properties.zone()).toInstant();
                    }
                    remaining -= available;
                    time = window[1];
                }
            }
            t = nextWorkingDay(date).atTime(windows[0][0]);
        }
    }

    /** The end of the working day (17:00 by default) of {@code day}, as an instant. */
    public Instant endOfWorkingDay(LocalDate day) {
        return day.atTime(properties.afternoonEnd()).atZone(properties.zone()).toInstant();
    }

    public boolean isOverdue(Instant deadline, Instant now) {
        return now.isAfter(deadline);
    }

    /** Working days d with from &lt; d ≤ to; negative when to is before from. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        Year first = year(from.getYear());
        if (from.getYear() == to.getYear()) {
            return first.cumulative()[to.getDayOfYear()] - first.cumulative()[from.getDayOfYear()];
        }
        int count = first.total() - first.cumulative()[from.getDayOfYear()];
        for (int y = from.getYear() + 1; y < to.getYear(); y++) {
            count += year(y).total();
        }
        return count + year(to.getYear()).cumulative()[to.getDayOfYear()];
    }

    /** The holidays in force for {@code year}: the stored ones, or the computed ones if the year has none. */
    public List<Holiday> holidays(int year) {
        return year(year).holidays();
    }

    /** True when {@code year} has no stored holidays, so {@link HolidayRules} supplied them. */
    public boolean isComputedYear(int year) {
        return year(year).computed();
    }

    public List<WorkdaySwap> swaps(int year) {
        return year(year).swaps();
    }

    /** Forget a year's cached calendar, after its holidays or swaps changed. */
    public void invalidate(int year) {
        years.remove(year);
    }

    public void invalidateAll() {
        years.clear();
    }

    private Year year(int number) {
        if (number < MIN_YEAR || number > MAX_YEAR) {
            throw new IllegalArgumentException(
                    "Year out of the supported range " + MIN_YEAR + "-" + MAX_YEAR + ": " + number);
        }
        Year cached = years.get(number);
        if (cached != null && !isStale(cached)) {
            return cached;
        }
        return years.compute(number, (key, old) -> {
            if (old != null && !isStale(old)) {
                return old;
            }
            try {
                return load(key);
            } catch (RuntimeException e) {
                if (old == null) {
                    throw e;
                }
                // Better a slightly old calendar than no deadlines while the database is unavailable.
                log.warn("Could not reload the {} calendar, keeping the cached one: {}", key, e.toString());
                return new Year(old.number(), old.working(), old.cumulative(), old.holidays(), old.swaps(),
                        old.computed(), nanoTime.getAsLong());
            }
        });
    }

    private boolean isStale(Year year) {
        return nanoTime.getAsLong() - year.loadedAt() > properties.cacheTtl().toNanos();
    }

    private Year load(int number) {
        List<Holiday> stored = source.storedHolidays(number);
        boolean computed = stored.isEmpty();
        List<Holiday> holidays = computed ? HolidayRules.compute(number)
                : stored.stream().sorted(Comparator.comparing(Holiday::date)).toList();
        List<WorkdaySwap> swaps = source.swaps(number).stream()
                .sorted(Comparator.comparing(WorkdaySwap::date)).toList();

        LocalDate first = LocalDate.of(number, 1, 1);
        boolean[] working = new boolean[first.lengthOfYear()];
        for (int i = 0; i < working.length; i++) {
            DayOfWeek dow = first.plusDays(i).getDayOfWeek();
            working[i] = dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
        }
        for (WorkdaySwap swap : swaps) {
            if (swap.date().getYear() == number && swap.kind() == WorkdaySwap.Kind.WORKDAY) {
                working[swap.date().getDayOfYear() - 1] = true;
            }
        }
        // Days off win over a make-up workday stored for the same date by mistake.
        for (WorkdaySwap swap : swaps) {
            if (swap.date().getYear() == number && swap.kind() == WorkdaySwap.Kind.DAY_OFF) {
                working[swap.date().getDayOfYear() - 1] = false;
            }
        }
        for (Holiday holiday : holidays) {
            if (holiday.date().getYear() == number) {
                working[holiday.date().getDayOfYear() - 1] = false;
            }
        }
        int[] cumulative = new int[working.length + 1];
        for (int i = 0; i < working.length; i++) {
            cumulative[i + 1] = cumulative[i] + (working[i] ? 1 : 0);
        }
        return new Year(number, working, cumulative, holidays, swaps, computed, nanoTime.getAsLong());
    }
}
