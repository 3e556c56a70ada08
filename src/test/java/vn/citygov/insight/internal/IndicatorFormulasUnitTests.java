package vn.citygov.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every indicator of the shipped 766 set, one by one, against a value and points worked out by hand from the
 * set's formula, points and threshold; then each one with its denominator at zero ("no data"), and the whole
 * score card over all of them together.
 */
class IndicatorFormulasUnitTests {

    static final IndicatorSet SET = DefinitionParserUnitTests.defaultSet();

    /** One indicator: the totals it is computed from, the value and the points expected (by hand). */
    record Case(String code, Map<String, Long> totals, double value, Double points) {
        @Override
        public String toString() {
            return code;
        }
    }

    static final List<Case> CASES = List.of(
            // 9 ÷ 12 = 0.75; 0.75 × 6 = 4.5
            new Case("publicity.published_on_time", Map.of("procedure.published_on_time", 9L, "procedure.published", 12L), 0.75, 4.5),
            // 18 ÷ 20 = 0.9; 0.9 × 4 = 3.6
            new Case("publicity.national_db", Map.of("procedure.national_db_on_time", 18L, "procedure.total", 20L), 0.9, 3.6),
            // 15 ÷ 20 = 0.75; 0.75 × 2 = 1.5
            new Case("publicity.complete", Map.of("procedure.public_complete", 15L, "procedure.total", 20L), 0.75, 1.5),
            // 45 ÷ 60 = 0.75; 0.75 × 6 = 4.5
            new Case("publicity.synchronised", Map.of("dossier.synced_national", 45L, "dossier.received", 60L), 0.75, 4.5),
            // 38 ÷ 40 = 0.95; 0.95 × 20 = 19
            new Case("timeliness.on_time", Map.of("dossier.finished_on_time", 38L, "dossier.finished", 40L), 0.95, 19.0),
            // 1000 h ÷ 40 dossiers = 25 h; an average earns no points
            new Case("timeliness.average_hours", Map.of("dossier.processing_hours", 1000L, "dossier.finished", 40L), 25.0, null),
            // 6 ÷ 24 = 0.25; 0.25 × 4 = 1
            new Case("online.full_online", Map.of("dossier.full_online", 6L, "dossier.full_online_eligible", 24L), 0.25, 1.0),
            // 30 ÷ 50 = 0.6 below T 0.8: 0.6 × 4 ÷ 0.8 = 3
            new Case("online.services", Map.of("service.online_receiving", 30L, "service.total", 50L), 0.6, 3.0),
            // 24 ÷ 60 = 0.4 below T 0.5: 0.4 × 4 ÷ 0.5 = 3.2
            new Case("online.dossiers", Map.of("dossier.received_online", 24L, "dossier.received", 60L), 0.4, 3.2),
            // 8 ÷ 10 = 0.8; 0.8 × 2 = 1.6
            new Case("payment.fees_published", Map.of("procedure.fee_published", 8L, "procedure.fee_bearing", 10L), 0.8, 1.6),
            // 5 ÷ 10 = 0.5; 0.5 × 2 = 1
            new Case("payment.online_available", Map.of("procedure.online_paid", 5L, "procedure.fee_bearing", 10L), 0.5, 1.0),
            // 12 ÷ 16 = 0.75; 0.75 × 6 = 4.5
            new Case("payment.dossiers_paid_online", Map.of("dossier.paid_online", 12L, "dossier.fee_bearing", 16L), 0.75, 4.5),
            // 27 ÷ 30 = 0.9; 0.9 × 6 = 5.4
            new Case("satisfaction.feedback_on_time", Map.of("report.answered_on_time", 27L, "report.answered", 30L), 0.9, 5.4),
            // 7 ÷ 10 = 0.7; 0.7 × 6 = 4.2
            new Case("satisfaction.feedback_rating", Map.of("report.rated_satisfied", 7L, "report.rated", 10L), 0.7, 4.2),
            // 1 − (2 late + 4 dissatisfied) ÷ 40 = 0.85 below T 0.9: 0.85 × 6 ÷ 0.9 = 5.6667
            new Case("satisfaction.dossiers", Map.of("dossier.finished_late", 2L, "dossier.rated_dissatisfied", 4L,
                    "dossier.finished", 40L), 0.85, 0.85 * 6 / 0.9),
            // 30 ÷ 40 = 0.75; 0.75 × 6 = 4.5
            new Case("digitisation.electronic_results", Map.of("dossier.result_electronic", 30L, "dossier.finished", 40L), 0.75, 4.5),
            // 36 ÷ 60 = 0.6 below T 0.8: 0.6 × 4 ÷ 0.8 = 3
            new Case("digitisation.digitised", Map.of("dossier.digitised", 36L, "dossier.received", 60L), 0.6, 3.0),
            // 3 ÷ 4 = 0.75; 0.75 × 2 = 1.5
            new Case("digitisation.certified_copies", Map.of("dossier.certified_electronic", 3L, "dossier.certified", 4L), 0.75, 1.5),
            // 10 ÷ 20 = 0.5 below T 0.8: 0.5 × 2 ÷ 0.8 = 1.25
            new Case("digitisation.data_reused", Map.of("dossier.data_reused", 10L, "dossier.data_reuse_eligible", 20L), 0.5, 1.25),
            // 10 ÷ 40 = 0.25; 0.25 × 4 = 1
            new Case("digitisation.personal_store", Map.of("dossier.result_shared", 10L, "dossier.finished", 40L), 0.25, 1.0),
            // 30 ÷ 60 = 0.5; 0.5 × 2 = 1
            new Case("digitisation.population_db_dossiers", Map.of("dossier.population_db_used", 30L, "dossier.received", 60L), 0.5, 1.0),
            // 5 ÷ 20 = 0.25; 0.25 × 2 = 0.5
            new Case("digitisation.population_db_procedures", Map.of("procedure.population_db_connected", 5L,
                    "procedure.total", 20L), 0.25, 0.5));

    static Stream<Arguments> cases() {
        return CASES.stream().map(Arguments::of);
    }

    static IndicatorSet.Indicator indicator(String code) {
        return SET.indicators().stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no indicator " + code));
    }

    @Test
    void everyIndicatorOfTheSetHasAHandComputedCase() {
        assertThat(CASES).extracting(Case::code)
                .containsExactlyInAnyOrderElementsOf(SET.indicators().stream().map(IndicatorSet.Indicator::code).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theIndicatorGivesTheValueAndPointsWorkedOutByHand(Case c) {
        IndicatorSet.Indicator i = indicator(c.code());
        Double value = i.formula().value(c.totals());
        assertThat(value).isCloseTo(c.value(), within(1e-12));
        if (c.points() == null) {
            assertThat(i.pointsFor(value)).isNull();
        } else {
            assertThat(i.pointsFor(value)).isCloseTo(c.points(), within(1e-9));
        }
        // the indicator reads only the measures of its case: nothing else changes it
        Map<String, Long> noise = new HashMap<>(c.totals());
        noise.put("unrelated.measure", 1_000L);
        assertThat(i.formula().value(noise)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aZeroDenominatorIsNoDataNotZeroNorFullMarks(Case c) {
        IndicatorSet.Indicator i = indicator(c.code());
        Map<String, Long> numeratorsOnly = new HashMap<>(c.totals());
        switch (i.formula()) {
            case Formula.Share s -> s.denominator().forEach(numeratorsOnly::remove);
            case Formula.Average a -> numeratorsOnly.remove(a.count());
        }
        assertThat(i.formula().value(numeratorsOnly)).as("numerators without denominator").isNull();
        assertThat(i.pointsFor(null)).isNull();
        assertThat(i.formula().value(Map.of())).as("nothing at all").isNull();
        Map<String, Long> zero = new HashMap<>(numeratorsOnly);
        i.formula().measures().stream().filter(m -> !numeratorsOnly.containsKey(m)).forEach(m -> zero.put(m, 0L));
        assertThat(i.formula().value(zero)).as("denominator recorded as 0").isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aShareWithoutItsNumeratorScoresZeroAndLoadedFactsThatOvershootAreCappedAtFullMarks(Case c) {
        IndicatorSet.Indicator i = indicator(c.code());
        if (!(i.formula() instanceof Formula.Share s)) {
            return;
        }
        Map<String, Long> denominatorsOnly = new HashMap<>();
        s.denominator().forEach(m -> denominatorsOnly.put(m, c.totals().get(m)));
        double expected = s instanceof Formula.Complement ? 1.0 : 0.0;
        assertThat(i.formula().value(denominatorsOnly)).isEqualTo(expected);
        Map<String, Long> overshoot = new HashMap<>(c.totals());
        s.numerator().forEach(m -> overshoot.put(m, 10 * c.totals().get(s.denominator().getFirst())));
        // a ratio cannot pass 100%, a complement cannot fall under 0%
        assertThat(i.formula().value(overshoot)).isEqualTo(s instanceof Formula.Complement ? 0.0 : 1.0);
        assertThat(i.pointsFor(i.formula().value(overshoot))).isEqualTo(s instanceof Formula.Complement ? 0.0 : i.points());
    }

    @Test
    void theWholeCardOverEveryCaseAddsUpToTheHandSum() {
        Map<String, Long> all = new HashMap<>();
        CASES.forEach(c -> all.putAll(c.totals()));
        ScoreCard card = ScoreCard.of(SET, all);
        // 4.5 + 3.6 + 1.5 + 4.5 + 19 + 1 + 3 + 3.2 + 1.6 + 1 + 4.5 + 5.4 + 4.2 + 5.6667 + 4.5 + 3 + 1.5 + 1.25 + 1 + 1 + 0.5
        double points = 75.0 + 5 / 12.0;
        assertThat(card.maxScored()).isEqualTo(100.0);
        assertThat(card.coverage()).isEqualTo(1.0);
        assertThat(card.points()).isEqualTo(75.42);
        assertThat(card.score()).isEqualTo(ScoreCard.round(points));
        assertThat(card.band()).isEqualTo("fair");
        // publicity 4.5 + 3.6 + 1.5 + 4.5; satisfaction 5.4 + 4.2 + 5.6667
        assertThat(card.groups()).filteredOn(g -> g.code().equals("publicity")).singleElement()
                .extracting(ScoreCard.GroupScore::points).isEqualTo(14.1);
        assertThat(card.groups()).filteredOn(g -> g.code().equals("satisfaction")).singleElement()
                .extracting(ScoreCard.GroupScore::points).isEqualTo(15.27);
    }

    @Test
    void onlyTheIndicatorsWithDataCountTowardsTheMaximum() {
        // timeliness only: 19 of 20 → 95, coverage 20%
        ScoreCard card = ScoreCard.of(SET, Map.of("dossier.finished_on_time", 38L, "dossier.finished", 40L));
        // finished also feeds satisfaction.dossiers (1 − 0 = 1 → 6 of 6), electronic results and personal store (0 of 6, 0 of 4)
        assertThat(card.maxScored()).isEqualTo(20 + 6 + 6 + 4);
        assertThat(card.points()).isEqualTo(25.0);
        assertThat(card.score()).isEqualTo(ScoreCard.round(25.0 / 36 * 100));
        assertThat(card.coverage()).isEqualTo(0.36);
    }
}
