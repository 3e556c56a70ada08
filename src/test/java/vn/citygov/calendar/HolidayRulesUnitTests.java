package vn.citygov.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.citygov.calendar.internal.CalendarCsv;

class HolidayRulesUnitTests {

    private static List<LocalDate> dates(List<Holiday> holidays) {
        return holidays.stream().map(Holiday::date).toList();
    }

    private static List<LocalDate> dataDates(int year) {
        return dates(CalendarCsv.classpathHolidays().stream().filter(h -> h.date().getYear() == year).toList());
    }

    @Test
    void the2026RulesGiveTheOfficial2026Holidays() {
        assertThat(dates(HolidayRules.compute(2026))).isEqualTo(dataDates(2026)).hasSize(12);
    }

    @Test
    void the2027RulesGiveTheProvisional2027DataIncludingMakeUpDays() {
        List<Holiday> computed = HolidayRules.compute(2027);
        assertThat(dates(computed)).isEqualTo(dataDates(2027)).hasSize(14);
        assertThat(computed).filteredOn(h -> h.kind() == HolidayKind.SUBSTITUTE).extracting(Holiday::date)
                .containsExactly(LocalDate.of(2027, 2, 10), LocalDate.of(2027, 2, 11), LocalDate.of(2027, 5, 3));
    }

    @Test
    void year2030WithLunarTetOnASaturday() {
        // Tết Canh Tuất = Sat 02/02/2030; tháng Chạp starts with the new moon of 04/01/2030, so it has 29 days
        // and 29 Chạp = Fri 01/02; mùng 1-4 = Sat-Tue; make-up Wed 06, Thu 07.
        // 2/9/2030 is a Monday, so the adjacent day is Sun 1/9, made up on Tue 3/9.
        List<Holiday> computed = HolidayRules.compute(2030);
        assertThat(dates(computed)).containsExactly(
                LocalDate.of(2030, 1, 1),
                LocalDate.of(2030, 2, 1), LocalDate.of(2030, 2, 2), LocalDate.of(2030, 2, 3),
                LocalDate.of(2030, 2, 4), LocalDate.of(2030, 2, 5),
                LocalDate.of(2030, 2, 6), LocalDate.of(2030, 2, 7),
                LocalDate.of(2030, 4, 12), LocalDate.of(2030, 4, 30), LocalDate.of(2030, 5, 1),
                LocalDate.of(2030, 9, 1), LocalDate.of(2030, 9, 2), LocalDate.of(2030, 9, 3));
        assertThat(computed).allMatch(h -> h.status() == HolidayStatus.COMPUTED);
        assertThat(computed.get(1).nameVi()).isEqualTo("Tết Nguyên đán (29 tháng Chạp - ngày cuối năm âm lịch)");
        assertThat(computed.get(6).nameVi()).isEqualTo("Nghỉ bù Tết Nguyên đán (thay cho 02/02/2030)");
        assertThat(computed.get(6).kind()).isEqualTo(HolidayKind.SUBSTITUTE);
    }

    @Test
    void nationalDayAdjacentDayRule() {
        // 2/9/2027 Thursday -> Friday 3/9; 2/9/2025 Tuesday -> Monday 1/9.
        assertThat(dates(HolidayRules.compute(2027))).contains(LocalDate.of(2027, 9, 3))
                .doesNotContain(LocalDate.of(2027, 9, 1));
        assertThat(dates(HolidayRules.compute(2025))).contains(LocalDate.of(2025, 9, 1));
    }

    @Test
    void everyComputedYearHasElevenHolidaysPlusMakeUpDaysOnWeekdays() {
        for (int year = 1950; year <= 2150; year++) {
            int y = year;
            List<Holiday> computed = HolidayRules.compute(year);
            assertThat(computed).filteredOn(h -> h.kind() != HolidayKind.SUBSTITUTE).hasSize(11);
            long weekendHolidays = computed.stream()
                    .filter(h -> h.date().getDayOfWeek().getValue() >= 6).count();
            assertThat(computed).filteredOn(h -> h.kind() == HolidayKind.SUBSTITUTE)
                    .hasSize((int) weekendHolidays)
                    .allMatch(h -> h.date().getDayOfWeek().getValue() <= 5);
            assertThat(dates(computed)).doesNotHaveDuplicates().allMatch(d -> d.getYear() == y);
        }
    }
}
