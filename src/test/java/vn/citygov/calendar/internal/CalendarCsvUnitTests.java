package vn.citygov.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.citygov.calendar.Holiday;
import vn.citygov.calendar.HolidayKind;
import vn.citygov.calendar.HolidayStatus;
import vn.citygov.calendar.WorkdaySwap;

class CalendarCsvUnitTests {

    @Test
    void quotedFieldsWithCommasQuotesAndLineBreaks() throws Exception {
        List<List<String>> rows = CalendarCsv.parse(new StringReader(
                "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n,,\n"));
        assertThat(rows).containsExactly(
                List.of("a", "b", "c"),
                List.of("x, y", "say \"hi\"", "two\nlines"),
                List.of("", "", ""));
    }

    @Test
    void lastLineWithoutNewline() throws Exception {
        assertThat(CalendarCsv.parse(new StringReader("a,b\n1,\"2\""))).containsExactly(List.of("a", "b"), List.of("1", "2"));
    }

    @Test
    void shippedHolidays() {
        List<Holiday> holidays = CalendarCsv.classpathHolidays();
        assertThat(holidays).hasSize(37);
        assertThat(holidays).filteredOn(h -> h.date().getYear() == 2025).hasSize(11);
        assertThat(holidays).filteredOn(h -> h.date().getYear() == 2026).hasSize(12);
        assertThat(holidays).filteredOn(h -> h.date().getYear() == 2027).hasSize(14);
        Holiday makeUp = holidays.stream().filter(h -> h.date().equals(LocalDate.of(2026, 4, 27))).findFirst().orElseThrow();
        assertThat(makeUp.kind()).isEqualTo(HolidayKind.SUBSTITUTE);
        assertThat(makeUp.status()).isEqualTo(HolidayStatus.OFFICIAL);
        assertThat(makeUp.nameVi()).isEqualTo("Nghỉ bù Giỗ Tổ Hùng Vương");
        Holiday reunification = holidays.stream().filter(h -> h.date().equals(LocalDate.of(2026, 4, 30))).findFirst().orElseThrow();
        assertThat(reunification.nameVi()).isEqualTo("Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)");
        assertThat(reunification.note()).isNull();
    }

    @Test
    void eachSwapRowGivesADayOffAndAWorkday() {
        List<WorkdaySwap> swaps = CalendarCsv.swaps(new ByteArrayInputStream("""
                day_off,day_off_weekday,make_up_workday,make_up_weekday,status,source
                2026-01-02,Fri,2026-01-10,Sat,official,"VPCP 12729/VPCP-KGVX, 25/12/2025"
                """.getBytes(StandardCharsets.UTF_8)));
        assertThat(swaps).extracting(WorkdaySwap::date, WorkdaySwap::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 1, 2), WorkdaySwap.Kind.DAY_OFF),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 1, 10), WorkdaySwap.Kind.WORKDAY));
        assertThat(swaps.getFirst().source()).isEqualTo("VPCP 12729/VPCP-KGVX, 25/12/2025");
        assertThat(CalendarCsv.classpathSwaps()).hasSize(6);
    }
}
