package vn.citygov.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.citygov.platform.error.InvalidInputException;

/** Periods are city calendar days (UTC+7): months, quarters, years, year to date, and the one before. */
class PeriodUnitTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void parsesEachKind() {
        assertThat(Period.parse("2026-02", TODAY)).isEqualTo(new Period("month", "2026-02", LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 2, 28)));
        assertThat(Period.parse("2026-q4", TODAY)).isEqualTo(new Period("quarter", "2026-Q4", LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 12, 31)));
        assertThat(Period.parse("2024", TODAY).to()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(Period.parse("ytd", TODAY)).isEqualTo(new Period("ytd", "2026-ytd", LocalDate.of(2026, 1, 1), TODAY));
        assertThat(Period.parse("2025-YTD", TODAY).to()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(Period.parse(null, TODAY).key()).isEqualTo("2026-11");
    }

    @Test
    void thePreviousPeriodCrossesYears() {
        assertThat(Period.parse("2026-01", TODAY).previous().key()).isEqualTo("2025-12");
        assertThat(Period.parse("2026-Q1", TODAY).previous().key()).isEqualTo("2025-Q4");
        assertThat(Period.parse("2026", TODAY).previous().key()).isEqualTo("2025");
        Period ytd = Period.parse("ytd", TODAY).previous();
        assertThat(ytd.from()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(ytd.to()).isEqualTo(LocalDate.of(2025, 11, 23));
    }

    @Test
    void badKeysAre400OnPeriod() {
        for (String bad : new String[] {"2026-13", "2026-Q5", "1999", "next month", "2026-11-01", "99999"}) {
            assertThatThrownBy(() -> Period.parse(bad, TODAY)).as(bad).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.field()).isEqualTo("period"));
        }
    }

    @Test
    void daysFollowHoChiMinhCityTime() {
        // 16:59:59 UTC on 30 November is 23:59:59 in the city; one second later it is 1 December there
        assertThat(FactRepository.day(Instant.parse("2026-11-30T16:59:59Z"))).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(FactRepository.day(Instant.parse("2026-11-30T17:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void aSpanReadsWholeMonthsFromTheRollUpAndTheRestFromDays() {
        FactRepository.Span quarterAndHalf = FactRepository.Span.of(LocalDate.of(2026, 9, 15), LocalDate.of(2026, 12, 31));
        assertThat(quarterAndHalf).isEqualTo(new FactRepository.Span(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 9, 15), LocalDate.of(2026, 9, 30), LocalDate.of(2027, 1, 1), LocalDate.of(2026, 12, 31)));
        // year to date: January to October whole, 1-23 November as days
        FactRepository.Span ytd = FactRepository.Span.of(LocalDate.of(2026, 1, 1), TODAY);
        assertThat(ytd.firstMonth()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(ytd.lastMonth()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(ytd.headFrom()).isAfter(ytd.headTo());
        assertThat(ytd.tailFrom()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(ytd.tailTo()).isEqualTo(TODAY);
        // inside one month: days only, the month range is empty
        FactRepository.Span days = FactRepository.Span.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 27));
        assertThat(days.firstMonth()).isAfter(days.lastMonth());
        assertThat(days.headFrom()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(days.headTo()).isEqualTo(LocalDate.of(2026, 2, 27));
        // a leap February whole
        FactRepository.Span feb = FactRepository.Span.of(LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29));
        assertThat(feb.firstMonth()).isEqualTo(feb.lastMonth());
        assertThat(feb.headFrom()).isAfter(feb.headTo());
        assertThat(feb.tailFrom()).isAfter(feb.tailTo());
    }
}
