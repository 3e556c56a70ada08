package vn.citygov.insight.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * One version of an indicator framework: groups with their maximum points, indicators with their formula,
 * points and optional threshold, and the rating bands. Loaded from JSON and validated by
 * {@link DefinitionParser}.
 */
public record IndicatorSet(String version, LocalDate effectiveFrom, String nameVi, String nameEn, List<Band> bands,
        List<Group> groups, List<Indicator> indicators) {

    public record Band(String code, double min) {
    }

    public record Group(String code, String nameVi, String nameEn, double points) {
    }

    /**
     * @param threshold share at which the full points are earned (0 < T ≤ 1); null means 1
     */
    public record Indicator(String code, String group, String nameVi, String nameEn, double points, Double threshold,
            Formula formula) {

        /** Points for a value: max when value ≥ T, otherwise value × max ÷ T; null when there is no value. */
        public Double pointsFor(Double value) {
            if (value == null || !formula.share()) {
                return null;
            }
            double t = threshold == null ? 1.0 : threshold;
            return value >= t ? points : value * points / t;
        }
    }

    /** The band of a score out of 100; null without a score. */
    public String band(Double score) {
        if (score == null) {
            return null;
        }
        for (Band b : bands) {
            if (score >= b.min()) {
                return b.code();
            }
        }
        return bands.getLast().code();
    }

    public List<String> measures() {
        return indicators.stream().flatMap(i -> i.formula().measures().stream()).distinct().toList();
    }
}
