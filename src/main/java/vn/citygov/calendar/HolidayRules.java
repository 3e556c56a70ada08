package vn.citygov.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The statutory public holidays of a year, computed from the Labour Code 2019 (45/2019/QH14) for years
 * that have no holiday data. Every holiday produced has status {@link HolidayStatus#COMPUTED}.
 *
 * <ul>
 *   <li>Art. 112(1): 1/1; Tết Nguyên đán, 5 days; 30/4; 1/5; Quốc khánh 2/9 plus one adjacent day;
 *       Giỗ Tổ Hùng Vương 10/3 lunar.</li>
 *   <li>Tết: the Prime Minister picks the 5 days each year (Art. 112(3)). We assume the 2026 pattern:
 *       the last day of the lunar year (29 or 30 tháng Chạp) and mùng 1 to mùng 4.</li>
 *   <li>Quốc khánh adjacent day, also chosen yearly: 3/9 when 2/9 is a Thursday (a 4-day weekend),
 *       otherwise 1/9. This matches 2025 (Tue → 1/9), 2026 (Wed → 1/9) and the 2027 assumption (Thu → 3/9).</li>
 *   <li>Art. 111(3): a holiday on a Saturday or Sunday is made up on the next working day, i.e. the next
 *       Monday–Friday that is neither a holiday nor already a make-up day (handled in date order).</li>
 * </ul>
 * Government decisions (swaps, different Tết days) are data; they cannot be computed.
 */
public final class HolidayRules {

    static final String SOURCE_112 = "Labour Code 2019 (45/2019/QH14) Art. 112(1); computed by CityGov";
    static final String SOURCE_111 = "Labour Code 2019 (45/2019/QH14) Art. 111(3): holiday on weekly rest day -> next working day; computed by CityGov";
    private static final String TET_NOTE = "Tết days are chosen yearly by the Prime Minister (Art. 112(3)); "
            + "assumed last day of the lunar year + mùng 1-4 (the 2026 pattern)";
    private static final String NATIONAL_DAY_NOTE = "adjacent day is chosen yearly by the Prime Minister; "
            + "assumed 3/9 when 2/9 is a Thursday, otherwise 1/9";
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private HolidayRules() {
    }

    /** The computed holidays of solar year {@code year}, sorted by date. */
    public static List<Holiday> compute(int year) {
        List<Holiday> days = new ArrayList<>();
        days.add(fixed(LocalDate.of(year, 1, 1), "Tết Dương lịch", "New Year's Day", null));

        LocalDate lastDay = LunarCalendar.lastDayOfLunarYear(year - 1);
        int chap = LunarCalendar.toLunar(lastDay).day();
        days.add(lunar(lastDay,
                "Tết Nguyên đán (" + chap + " tháng Chạp - ngày cuối năm âm lịch)",
                "Lunar New Year holiday (" + chap + "th day of 12th lunar month, last day of the lunar year)",
                TET_NOTE));
        LocalDate tet = LunarCalendar.tet(year);
        for (int i = 0; i < 4; i++) {
            days.add(lunar(tet.plusDays(i),
                    "Tết Nguyên đán (mùng " + (i + 1) + " tháng Giêng)",
                    "Lunar New Year (day " + (i + 1) + " of 1st lunar month)", TET_NOTE));
        }
        days.add(lunar(LunarCalendar.hungKings(year), "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
                "Hung Kings' Commemoration Day", null));
        days.add(fixed(LocalDate.of(year, 4, 30), "Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)",
                "Reunification Day", null));
        days.add(fixed(LocalDate.of(year, 5, 1), "Ngày Quốc tế Lao động", "International Labour Day", null));
        LocalDate nationalDay = LocalDate.of(year, 9, 2);
        days.add(fixed(nationalDay, "Quốc khánh", "National Day", null));
        LocalDate adjacent = nationalDay.getDayOfWeek() == DayOfWeek.THURSDAY
                ? nationalDay.plusDays(1) : nationalDay.minusDays(1);
        days.add(fixed(adjacent, "Quốc khánh (ngày liền kề)", "National Day holiday (adjacent day)",
                NATIONAL_DAY_NOTE));
        days.sort(Comparator.comparing(Holiday::date));

        Set<LocalDate> taken = new HashSet<>();
        days.forEach(h -> taken.add(h.date()));
        List<Holiday> substitutes = new ArrayList<>();
        for (Holiday holiday : days) {
            if (!isWeekend(holiday.date())) {
                continue;
            }
            LocalDate makeUp = holiday.date().plusDays(1);
            while (isWeekend(makeUp) || taken.contains(makeUp)) {
                makeUp = makeUp.plusDays(1);
            }
            taken.add(makeUp);
            String[] base = baseName(holiday);
            substitutes.add(new Holiday(makeUp,
                    "Nghỉ bù " + base[0] + " (thay cho " + DMY.format(holiday.date()) + ")",
                    base[1] + " compensatory day off (for " + DMY.format(holiday.date()) + ")",
                    HolidayKind.SUBSTITUTE, HolidayStatus.COMPUTED, SOURCE_111, null, null, 0));
        }
        days.addAll(substitutes);
        days.sort(Comparator.comparing(Holiday::date));
        return List.copyOf(days);
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Short Vietnamese and English names of the holiday a make-up day stands in for. */
    private static String[] baseName(Holiday holiday) {
        String vi = holiday.nameVi();
        int paren = vi.indexOf(" (");
        String shortVi = paren > 0 ? vi.substring(0, paren) : vi;
        return switch (shortVi) {
            case "Tết Nguyên đán" -> new String[] {shortVi, "Lunar New Year"};
            case "Quốc khánh" -> new String[] {shortVi, "National Day"};
            case "Giỗ Tổ Hùng Vương" -> new String[] {shortVi, "Hung Kings' Commemoration Day"};
            default -> new String[] {shortVi, holiday.nameEn()};
        };
    }

    private static Holiday fixed(LocalDate date, String vi, String en, String note) {
        return new Holiday(date, vi, en, HolidayKind.FIXED, HolidayStatus.COMPUTED, SOURCE_112, note, null, 0);
    }

    private static Holiday lunar(LocalDate date, String vi, String en, String note) {
        return new Holiday(date, vi, en, HolidayKind.LUNAR, HolidayStatus.COMPUTED, SOURCE_112, note, null, 0);
    }
}
