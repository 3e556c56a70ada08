package vn.citygov.insight.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The index of one scope over one period. Indicators without data (zero denominator) have null value and
 * points and are left out of {@code maxScored}; the score is points ÷ maxScored × 100, so missing facts
 * never count as 0 or as full marks, and {@code coverage} says how much of the framework had data.
 */
public record ScoreCard(String version, Double score, String band, double points, double maxScored, double maxPoints,
        Double coverage, List<GroupScore> groups, List<IndicatorScore> indicators) {

    public record GroupScore(String code, String nameVi, String nameEn, Double points, double maxScored, double max) {
    }

    public record IndicatorScore(String code, String group, String nameVi, String nameEn, Double value, Double points,
            double max, Double threshold) {
    }

    public static ScoreCard of(IndicatorSet set, Map<String, Long> totals) {
        List<IndicatorScore> indicators = new ArrayList<>();
        Map<String, double[]> byGroup = new LinkedHashMap<>();
        for (IndicatorSet.Group g : set.groups()) {
            byGroup.put(g.code(), new double[] {0, 0, 0});
        }
        double points = 0;
        double maxScored = 0;
        double max = 0;
        for (IndicatorSet.Indicator i : set.indicators()) {
            Double value = i.formula().value(totals);
            Double p = i.pointsFor(value);
            indicators.add(new IndicatorScore(i.code(), i.group(), i.nameVi(), i.nameEn(), value, p, i.points(),
                    i.threshold()));
            double[] g = byGroup.get(i.group());
            g[2] += i.points();
            max += i.points();
            if (p != null) {
                g[0] += p;
                g[1] += i.points();
                points += p;
                maxScored += i.points();
            }
        }
        List<GroupScore> groups = new ArrayList<>();
        for (IndicatorSet.Group g : set.groups()) {
            double[] v = byGroup.get(g.code());
            groups.add(new GroupScore(g.code(), g.nameVi(), g.nameEn(), v[1] > 0 ? round(v[0]) : null, v[1], g.points()));
        }
        Double score = maxScored > 0 ? round(points / maxScored * 100) : null;
        return new ScoreCard(set.version(), score, set.band(score), round(points), maxScored, max,
                max > 0 ? round(maxScored / max) : null, List.copyOf(groups), List.copyOf(indicators));
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
