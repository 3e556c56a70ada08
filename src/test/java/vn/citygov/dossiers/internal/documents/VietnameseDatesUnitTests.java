package vn.citygov.dossiers.internal.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class VietnameseDatesUnitTests {

    @Test
    void datesAreWrittenInWordsWithLeadingZerosOnlyWhereTheRuleAsks() {
        assertThat(VietnameseDates.inWords(LocalDate.of(2026, 11, 23))).isEqualTo("ngày 23 tháng 11 năm 2026");
        assertThat(VietnameseDates.inWords(LocalDate.of(2026, 1, 5))).isEqualTo("ngày 05 tháng 01 năm 2026");
        assertThat(VietnameseDates.inWords(LocalDate.of(2026, 2, 10))).isEqualTo("ngày 10 tháng 02 năm 2026");
        assertThat(VietnameseDates.inWords(LocalDate.of(2026, 3, 9))).isEqualTo("ngày 09 tháng 3 năm 2026");
    }

    @Test
    void dateTimesAreShownInHoChiMinhCityTime() {
        Instant at = Instant.parse("2026-11-23T17:30:00Z");
        assertThat(VietnameseDates.dateTime(at, ZoneId.of("Asia/Ho_Chi_Minh"))).isEqualTo("24/11/2026 00:30");
        assertThat(VietnameseDates.dateTime(null, ZoneId.of("Asia/Ho_Chi_Minh"))).isEmpty();
    }
}
