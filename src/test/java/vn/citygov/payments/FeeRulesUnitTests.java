package vn.citygov.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which rule is in force: date boundaries in the city's time zone, channel precedence, no rule at all. */
class FeeRulesUnitTests {

    static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate TO = LocalDate.of(2025, 12, 31);

    static FeeRule rule(long id, String channel, long amount, LocalDate from, LocalDate to) {
        return new FeeRule(id, "2.000488", channel, amount, from, to, "lý do " + id, "reason " + id, 0);
    }

    final FeeRule onlineFree = rule(1, "online", 0, FROM, TO);
    final FeeRule anyReduced = rule(2, "any", 100_000, FROM, null);

    @Test
    void bothEndsOfThePeriodAreIncluded() {
        List<FeeRule> rules = List.of(onlineFree);
        assertThat(FeeRules.select(rules, "2.000488", "online", FROM)).contains(onlineFree);
        assertThat(FeeRules.select(rules, "2.000488", "online", TO)).contains(onlineFree);
        assertThat(FeeRules.select(rules, "2.000488", "online", FROM.minusDays(1))).isEmpty();
        assertThat(FeeRules.select(rules, "2.000488", "online", TO.plusDays(1))).isEmpty();
    }

    @Test
    void theDayIsTheCitysNotUtcs() {
        // 23:30 UTC on 31 December 2025 is already 06:30 on 1 January 2026 in Ho Chi Minh City.
        assertThat(FeeRules.cityDay(Instant.parse("2025-12-31T23:30:00Z"))).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(FeeRules.cityDay(Instant.parse("2025-12-31T16:59:59Z"))).isEqualTo(TO);
        assertThat(FeeRules.cityDay(Instant.parse("2024-12-31T17:00:00Z"))).isEqualTo(FROM);
    }

    @Test
    void aRuleForTheExactChannelWinsOverAnAnyRule() {
        List<FeeRule> rules = List.of(anyReduced, onlineFree);
        assertThat(FeeRules.select(rules, "2.000488", "online", LocalDate.of(2025, 6, 1))).contains(onlineFree);
        assertThat(FeeRules.select(rules, "2.000488", "counter", LocalDate.of(2025, 6, 1))).contains(anyReduced);
        assertThat(FeeRules.select(rules, "2.000488", "online", LocalDate.of(2026, 1, 1))).contains(anyReduced);
    }

    @Test
    void anotherChannelsRuleOrAnotherProcedureDoesNotApply() {
        List<FeeRule> rules = List.of(onlineFree);
        assertThat(FeeRules.select(rules, "2.000488", "counter", LocalDate.of(2025, 6, 1))).isEmpty();
        assertThat(FeeRules.select(rules, "1.000689", "online", LocalDate.of(2025, 6, 1))).isEmpty();
    }

    @Test
    void overlapCoversOpenEndsAndSharedDays() {
        assertThat(onlineFree.overlaps(TO, null)).isTrue();
        assertThat(onlineFree.overlaps(TO.plusDays(1), null)).isFalse();
        assertThat(onlineFree.overlaps(LocalDate.of(2024, 1, 1), FROM)).isTrue();
        assertThat(onlineFree.overlaps(LocalDate.of(2024, 1, 1), FROM.minusDays(1))).isFalse();
        assertThat(anyReduced.overlaps(LocalDate.of(2030, 1, 1), null)).isTrue();
    }

    @Test
    void withoutARuleTheCatalogueFeeAndItsNoteApply() {
        FeeRules.Catalogue catalogue = new FeeRules.Catalogue("2.000488", 200_000, "Lệ phí", "Fee");
        Fee fee = FeeRules.decide(catalogue, List.of(), "online", LocalDate.of(2025, 6, 1));
        assertThat(fee.amountVnd()).isEqualTo(200_000);
        assertThat(fee.ruleId()).isNull();
        assertThat(fee.reason()).isEqualTo("Lệ phí");
    }

    @Test
    void theFreeRuleEndsAtMidnightInHoChiMinhCity() {
        FeeRules.Catalogue catalogue = new FeeRules.Catalogue("2.000488", 200_000, "Lệ phí", "Fee");
        List<FeeRule> rules = List.of(onlineFree);
        LocalDate lastMinuteOf2025 = FeeRules.cityDay(Instant.parse("2025-12-31T16:59:00Z"));
        LocalDate firstMinuteOf2026 = FeeRules.cityDay(Instant.parse("2025-12-31T17:00:00Z"));
        Fee free = FeeRules.decide(catalogue, rules, "online", lastMinuteOf2025);
        assertThat(free.amountVnd()).isZero();
        assertThat(free.ruleId()).isEqualTo(1L);
        assertThat(free.reason()).isEqualTo("lý do 1");
        assertThat(FeeRules.decide(catalogue, rules, "online", firstMinuteOf2026).amountVnd()).isEqualTo(200_000);
        // And the first minute of 2025 in the city is still 2024 in UTC.
        assertThat(FeeRules.decide(catalogue, rules, "online", FeeRules.cityDay(Instant.parse("2024-12-31T17:00:00Z")))
                .amountVnd()).isZero();
    }
}
