package vn.citygov.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each formula kind and the points rule, against values computed by hand. */
class FormulaUnitTests {

    static final Map<String, Long> TOTALS = Map.of("dossier.finished", 40L, "dossier.finished_on_time", 34L,
            "dossier.finished_late", 6L, "dossier.rated_dissatisfied", 2L, "dossier.processing_hours", 1000L,
            "dossier.received", 50L, "dossier.received_online", 20L);

    @Test
    void ratioDividesTheSumsOfItsMeasures() {
        Formula f = new Formula.Ratio(List.of("dossier.finished_on_time"), List.of("dossier.finished"));
        assertThat(f.value(TOTALS)).isCloseTo(34.0 / 40, within(1e-12)); // 0.85
        Formula two = new Formula.Ratio(List.of("dossier.finished_on_time", "dossier.finished_late"),
                List.of("dossier.received"));
        assertThat(two.value(TOTALS)).isCloseTo(40.0 / 50, within(1e-12));
    }

    @Test
    void ratioIsCappedAtOneWhenLoadedFactsOvershoot() {
        Formula f = new Formula.Ratio(List.of("dossier.received"), List.of("dossier.finished"));
        assertThat(f.value(TOTALS)).isEqualTo(1.0);
    }

    @Test
    void complementIsOneLessTheShare() {
        // 100% − (6 late + 2 dissatisfied) ÷ 40 = 80%
        Formula f = new Formula.Complement(List.of("dossier.finished_late", "dossier.rated_dissatisfied"),
                List.of("dossier.finished"));
        assertThat(f.value(TOTALS)).isCloseTo(0.8, within(1e-12));
        assertThat(new Formula.Complement(List.of("dossier.received"), List.of("dossier.finished_late")).value(TOTALS))
                .isEqualTo(0.0);
    }

    @Test
    void averageDividesASumByACount() {
        Formula f = new Formula.Average("dossier.processing_hours", "dossier.finished");
        assertThat(f.value(TOTALS)).isEqualTo(25.0);
        assertThat(f.share()).isFalse();
    }

    @Test
    void aZeroDenominatorIsNoDataNeverZeroOrFull() {
        Map<String, Long> none = Map.of("dossier.finished_on_time", 3L);
        assertThat(new Formula.Ratio(List.of("dossier.finished_on_time"), List.of("dossier.finished")).value(none)).isNull();
        assertThat(new Formula.Complement(List.of("dossier.finished_late"), List.of("dossier.finished")).value(none)).isNull();
        assertThat(new Formula.Average("dossier.processing_hours", "dossier.finished").value(Map.of())).isNull();
    }

    @Test
    void pointsReachTheMaximumAtTheThresholdAndScaleBelowIt() {
        Formula online = new Formula.Ratio(List.of("dossier.received_online"), List.of("dossier.received"));
        IndicatorSet.Indicator withThreshold = new IndicatorSet.Indicator("online.dossiers", "online", "vi", "en", 4, 0.5,
                online);
        // 20 ÷ 50 = 0.4 < 0.5: 0.4 × 4 ÷ 0.5 = 3.2
        assertThat(withThreshold.pointsFor(online.value(TOTALS))).isCloseTo(3.2, within(1e-12));
        assertThat(withThreshold.pointsFor(0.5)).isEqualTo(4.0);
        assertThat(withThreshold.pointsFor(0.9)).isEqualTo(4.0);
        IndicatorSet.Indicator plain = new IndicatorSet.Indicator("x.y", "online", "vi", "en", 20, null, online);
        assertThat(plain.pointsFor(0.85)).isCloseTo(17.0, within(1e-12));
        assertThat(plain.pointsFor(null)).isNull();
    }

    @Test
    void theScoreLeavesIndicatorsWithoutDataOut() {
        IndicatorSet set = DefinitionParserUnitTests.defaultSet();
        // only timeliness (20 pts, 0.85 → 17) and satisfaction.dossiers (6 pts, threshold 0.9: 0.8 → 0.8 × 6 ÷ 0.9)
        // and online.dossiers (4 pts, threshold 0.5: 0.4 → 3.2) and the digitisation/publicity indicators over
        // dossier.received / finished without numerators (value 0, points 0) have data
        ScoreCard card = ScoreCard.of(set, TOTALS);
        double satisfaction = 0.8 * 6 / 0.9;
        ScoreCard.IndicatorScore onTime = card.indicators().stream().filter(i -> i.code().equals("timeliness.on_time"))
                .findFirst().orElseThrow();
        assertThat(onTime.points()).isCloseTo(17.0, within(1e-9));
        // indicators with a denominator present: synchronised (6), on_time (20), online.dossiers (4),
        // satisfaction.dossiers (6), electronic_results (6), digitised (4), personal_store (4), population_db_dossiers (2)
        assertThat(card.maxScored()).isEqualTo(52.0);
        double points = 17 + 3.2 + satisfaction;
        assertThat(card.points()).isCloseTo(ScoreCard.round(points), within(1e-9));
        assertThat(card.score()).isCloseTo(ScoreCard.round(points / 52 * 100), within(1e-9));
        assertThat(card.coverage()).isEqualTo(0.52);
        assertThat(ScoreCard.of(set, Map.of()).score()).isNull();
        assertThat(ScoreCard.of(set, Map.of()).band()).isNull();
    }

    @Test
    void bandsFollowTheCutOffs() {
        IndicatorSet set = DefinitionParserUnitTests.defaultSet();
        assertThat(set.band(95.0)).isEqualTo("excellent");
        assertThat(set.band(80.0)).isEqualTo("good");
        assertThat(set.band(79.99)).isEqualTo("fair");
        assertThat(set.band(50.0)).isEqualTo("average");
        assertThat(set.band(0.0)).isEqualTo("weak");
    }
}
