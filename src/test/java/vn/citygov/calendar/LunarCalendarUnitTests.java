package vn.citygov.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.citygov.calendar.LunarCalendar.LunarDate;

class LunarCalendarUnitTests {

    /**
     * Vietnamese Tết (1/1 lunar), 1901–2100, one MMDD per year, ten years a row from 1901. Source: the
     * lunar-new-year table of vacanza/holidays (holidays/calendars/chinese.py, MIT) with its Vietnam
     * overrides applied (1903, 1916, 1935, 1965, 1968, 1969, 1985, 2007, 2030, 2053).
     */
    private static final String TET_1901_2100 = """
            0219 0208 0128 0216 0204 0125 0213 0202 0122 0210
            0130 0218 0206 0126 0214 0203 0123 0211 0201 0220
            0208 0128 0216 0205 0124 0213 0202 0123 0210 0130
            0217 0206 0126 0214 0203 0124 0211 0131 0219 0208
            0127 0215 0205 0125 0213 0202 0122 0210 0129 0217
            0206 0127 0214 0203 0124 0212 0131 0218 0208 0128
            0215 0205 0125 0213 0201 0121 0209 0129 0216 0206
            0127 0215 0203 0123 0211 0131 0218 0207 0128 0216
            0205 0125 0213 0202 0121 0209 0129 0217 0206 0127
            0215 0204 0123 0210 0131 0219 0207 0128 0216 0205
            0124 0212 0201 0122 0209 0129 0217 0207 0126 0214
            0203 0123 0210 0131 0219 0208 0128 0216 0205 0125
            0212 0201 0122 0210 0129 0217 0206 0126 0213 0202
            0123 0211 0131 0219 0208 0128 0215 0204 0124 0212
            0201 0122 0210 0130 0217 0206 0126 0214 0202 0123
            0211 0201 0218 0208 0128 0215 0204 0124 0212 0202
            0121 0209 0129 0217 0205 0126 0214 0203 0123 0211
            0131 0219 0207 0127 0215 0205 0124 0212 0202 0122
            0209 0129 0217 0206 0126 0214 0203 0124 0210 0130
            0218 0207 0127 0215 0205 0125 0212 0201 0121 0209
            """;

    /** Giỗ Tổ Hùng Vương (10/3 lunar) 2000–2040, same source, Vietnam overrides 2009, 2037, 2038. */
    private static final String HUNG_KINGS_2000_2040 = """
            0414 0403 0422 0411 0428 0418 0407 0426 0415 0404
            0423 0412 0331 0419 0409 0428 0416 0406 0425 0414
            0402 0421 0410 0429 0418 0407 0426 0416 0404 0423
            0412 0401 0419 0409 0428 0417 0406 0424 0413 0403
            0420
            """;

    private static List<LocalDate> table(int firstYear, String mmdd) {
        List<LocalDate> dates = new ArrayList<>();
        int year = firstYear;
        for (String token : mmdd.trim().split("\\s+")) {
            dates.add(LocalDate.of(year++, Integer.parseInt(token.substring(0, 2)), Integer.parseInt(token.substring(2))));
        }
        return dates;
    }

    @Test
    void tetOfRecentYears() {
        assertThat(LunarCalendar.tet(2023)).isEqualTo(LocalDate.of(2023, 1, 22));
        assertThat(LunarCalendar.tet(2024)).isEqualTo(LocalDate.of(2024, 2, 10));
        assertThat(LunarCalendar.tet(2025)).isEqualTo(LocalDate.of(2025, 1, 29));
        assertThat(LunarCalendar.tet(2026)).isEqualTo(LocalDate.of(2026, 2, 17));
        assertThat(LunarCalendar.tet(2027)).isEqualTo(LocalDate.of(2027, 2, 6));
    }

    @Test
    void vietnameseTimeZoneGivesVietnameseTet() {
        // China (UTC+8) had 20/02/1985 and 18/02/2007; at UTC+7 the new moon falls a day (or month) earlier.
        assertThat(LunarCalendar.tet(1985)).isEqualTo(LocalDate.of(1985, 1, 21));
        assertThat(LunarCalendar.tet(2007)).isEqualTo(LocalDate.of(2007, 2, 17));
        // The new moon of 2 Feb 2030 is at 23:07 in Hanoi but 00:07 on 3 Feb in Beijing.
        assertThat(LunarCalendar.tet(2030)).isEqualTo(LocalDate.of(2030, 2, 2));
    }

    @Test
    void tetMatchesTheReferenceTableFor200Years() {
        List<LocalDate> expected = table(1901, TET_1901_2100);
        assertThat(expected).hasSize(200);
        for (LocalDate tet : expected) {
            assertThat(LunarCalendar.tet(tet.getYear())).as("Tết %d", tet.getYear()).isEqualTo(tet);
            assertThat(LunarCalendar.toLunar(tet)).isEqualTo(new LunarDate(tet.getYear(), 1, 1, false));
        }
    }

    @Test
    void hungKingsMatchesTheReferenceTable() {
        assertThat(LunarCalendar.hungKings(2025)).isEqualTo(LocalDate.of(2025, 4, 7));
        assertThat(LunarCalendar.hungKings(2026)).isEqualTo(LocalDate.of(2026, 4, 26));
        assertThat(LunarCalendar.hungKings(2027)).isEqualTo(LocalDate.of(2027, 4, 16));
        for (LocalDate day : table(2000, HUNG_KINGS_2000_2040)) {
            assertThat(LunarCalendar.hungKings(day.getYear())).as("Hùng Kings %d", day.getYear()).isEqualTo(day);
        }
    }

    @Test
    void lastDayOfLunarYearIsTheDayBeforeTet() {
        assertThat(LunarCalendar.lastDayOfLunarYear(2025)).isEqualTo(LocalDate.of(2026, 2, 16));
        assertThat(LunarCalendar.toLunar(LocalDate.of(2026, 2, 16))).isEqualTo(new LunarDate(2025, 12, 29, false));
        assertThat(LunarCalendar.lastDayOfLunarYear(2026)).isEqualTo(LocalDate.of(2027, 2, 5));
        // Tháng Chạp Kỷ Dậu runs 04/01/2030 - 01/02/2030: 29 days.
        assertThat(LunarCalendar.toLunar(LocalDate.of(2030, 1, 4))).isEqualTo(new LunarDate(2029, 12, 1, false));
        assertThat(LunarCalendar.toLunar(LocalDate.of(2030, 2, 1))).isEqualTo(new LunarDate(2029, 12, 29, false));
    }

    @Test
    void leapMonths() {
        // Quý Mão 2023 had a leap 2nd month; Ất Tỵ 2025 a leap 6th month.
        assertThat(LunarCalendar.toLunar(LocalDate.of(2023, 3, 22))).isEqualTo(new LunarDate(2023, 2, 1, true));
        assertThat(LunarCalendar.toLunar(LocalDate.of(2025, 7, 25))).isEqualTo(new LunarDate(2025, 6, 1, true));
        assertThat(LunarCalendar.toSolar(new LunarDate(2025, 6, 1, true))).isEqualTo(LocalDate.of(2025, 7, 25));
        assertThat(LunarCalendar.toSolar(new LunarDate(2025, 7, 1, false))).isEqualTo(LocalDate.of(2025, 8, 23));
        assertThatThrownBy(() -> LunarCalendar.toSolar(new LunarDate(2025, 5, 1, true)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LunarCalendar.toSolar(new LunarDate(2026, 5, 1, true)))
                .isInstanceOf(IllegalArgumentException.class);
        // Tháng Chạp Kỷ Dậu (2029) has 29 days, so there is no 30 Chạp.
        assertThatThrownBy(() -> LunarCalendar.toSolar(2029, 12, 30)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyDayRoundTripsAndDaysFollowEachOther() {
        LocalDate day = LocalDate.of(1900, 1, 1);
        LunarDate previous = LunarCalendar.toLunar(day.minusDays(1));
        for (; day.getYear() <= 2100; day = day.plusDays(1)) {
            LunarDate lunar = LunarCalendar.toLunar(day);
            assertThat(LunarCalendar.toSolar(lunar)).as("round trip of %s (%s)", day, lunar).isEqualTo(day);
            if (lunar.day() == 1) {
                assertThat(previous.day()).as("month before %s", day).isIn(29, 30);
            } else {
                assertThat(lunar.day()).as("day after %s", previous).isEqualTo(previous.day() + 1);
            }
            previous = lunar;
        }
    }

    @Test
    void lunarDatesOfTheHolidayDataAgree() throws Exception {
        try (var in = getClass().getResourceAsStream("/calendar/holidays-vn.csv");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int checked = 0;
            for (String line : reader.lines().skip(1).toList()) {
                // date is the first field; lunar_date "dd/mm/yyyy (Can Chi)" the first field that looks like one.
                var matcher = java.util.regex.Pattern.compile(",(\\d\\d)/(\\d\\d)/(\\d{4}) \\(").matcher(line);
                if (!matcher.find()) {
                    continue;
                }
                LocalDate solar = LocalDate.parse(line.substring(0, 10));
                LunarDate expected = new LunarDate(Integer.parseInt(matcher.group(3)),
                        Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(1)), false);
                assertThat(LunarCalendar.toLunar(solar)).as("lunar date of %s", solar).isEqualTo(expected);
                checked++;
            }
            assertThat(checked).isGreaterThan(30);
        }
    }

    @Test
    void canChi() {
        assertThat(LunarCalendar.canChi(2024)).isEqualTo("Giáp Thìn");
        assertThat(LunarCalendar.canChi(2025)).isEqualTo("Ất Tỵ");
        assertThat(LunarCalendar.canChi(2026)).isEqualTo("Bính Ngọ");
        assertThat(LunarCalendar.canChi(2027)).isEqualTo("Đinh Mùi");
    }
}
