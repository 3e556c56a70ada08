package vn.citygov.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.citygov.directory.AgencySummary;

/** The dashboard's sudden-change rule against changes worked out by hand. */
class AlertRuleUnitTests {

    static final IndicatorSet SET = DefinitionParserUnitTests.defaultSet();
    static final AgencySummary WARD = new AgencySummary("ubnd-1", "UBND 1", "Ward 1", "ward_committee", "active", "1");
    static final AlertRule RULE = new AlertRule(10, 15, 10);

    /** Only timeliness and dossier satisfaction have data: on time of 20 finished, late the rest, none rated. */
    static Map<String, Long> month(long onTime, long late) {
        return Map.of("dossier.finished", onTime + late, "dossier.finished_on_time", onTime, "dossier.finished_late", late,
                "dossier.result_electronic", onTime + late, "dossier.result_shared", onTime + late);
    }

    @Test
    void aScoreDropOfTenPointsOrMoreIsAnAlertWithBothScores() {
        // before: 20 of 20 on time → every indicator full → 100; now: 15 of 20 → on time 0.75 × 20 = 15,
        // satisfaction 1 − 5/20 = 0.75 < 0.9 → 0.75 × 6 ÷ 0.9 = 5; (15 + 5 + 6 + 4) ÷ 36 = 83.33
        List<IndexService.Alert> alerts = RULE.alerts(WARD, SET, SET, month(15, 5), month(20, 0));
        assertThat(alerts).extracting(IndexService.Alert::kind).containsExactly(AlertRule.SCORE_DROP, AlertRule.LATE_SPIKE);
        IndexService.Alert drop = alerts.getFirst();
        assertThat(drop.value()).isEqualTo(83.33);
        assertThat(drop.previous()).isEqualTo(100.0);
        assertThat(drop.change()).isEqualTo(-16.67);
        // late: 5 ÷ 20 = 25% against 0%: +25 points ≥ 15
        IndexService.Alert late = alerts.get(1);
        assertThat(late.value()).isEqualTo(25.0);
        assertThat(late.previous()).isEqualTo(0.0);
        assertThat(late.change()).isEqualTo(25.0);
    }

    @Test
    void smallChangesAndThinMonthsRaiseNothing() {
        // 19 of 20 → on time 19, satisfaction 0.95 ≥ 0.9 → 6: (19 + 6 + 6 + 4) ÷ 36 = 97.22; −2.78 and late +5
        assertThat(RULE.alerts(WARD, SET, SET, month(19, 1), month(20, 0))).isEmpty();
        // the same fall as above, but on 8 dossiers a month: too few to judge
        assertThat(RULE.alerts(WARD, SET, SET, month(6, 2), month(8, 0))).isEmpty();
        assertThat(RULE.alerts(WARD, SET, SET, Map.of(), month(20, 0))).isEmpty();
    }

    @Test
    void aRiseIsReportedAfterTheDropsAndSpikes() {
        AgencySummary other = new AgencySummary("ubnd-2", "UBND 2", "Ward 2", "ward_committee", "active", "2");
        CounterCache.Totals now = new CounterCache.Totals(Map.of("ubnd-1", month(20, 0), "ubnd-2", month(15, 5)), Map.of(),
                Map.of(), 0);
        CounterCache.Totals before = new CounterCache.Totals(Map.of("ubnd-1", month(15, 5), "ubnd-2", month(20, 0)),
                Map.of(), Map.of(), 0);
        List<IndexService.Alert> alerts = RULE.alerts(List.of(WARD, other), SET, SET, now, before);
        assertThat(alerts).extracting(a -> a.kind() + " " + a.code()).containsExactly("late_spike ubnd-2",
                "score_drop ubnd-2", "score_rise ubnd-1");
        assertThat(alerts.getLast().change()).isEqualTo(16.67);
    }
}
