package vn.citygov.insight.internal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * How an indicator's value is computed from period totals of measures: a small closed set of kinds, not a
 * script. Each answers null ("no data") when its denominator is zero, never a false 0 or 100%.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({@JsonSubTypes.Type(value = Formula.Ratio.class, name = "ratio"),
        @JsonSubTypes.Type(value = Formula.Complement.class, name = "complement"),
        @JsonSubTypes.Type(value = Formula.Average.class, name = "average")})
public sealed interface Formula permits Formula.Share, Formula.Average {

    /** The value over these totals, or null when there is nothing to divide by. */
    Double value(Map<String, Long> totals);

    /** Every measure the formula reads. */
    List<String> measures();

    /** Whether the value is a share (0..1) and can earn points against a threshold. */
    boolean share();

    static long sum(Map<String, Long> totals, List<String> measures) {
        long s = 0;
        for (String m : measures) {
            s += totals.getOrDefault(m, 0L);
        }
        return s;
    }

    /** A share of two sums of measures: earns points against a threshold. */
    sealed interface Share extends Formula permits Ratio, Complement {
        List<String> numerator();

        List<String> denominator();

        @Override
        default List<String> measures() {
            return concat(numerator(), denominator());
        }

        @Override
        default boolean share() {
            return true;
        }
    }

    /** Σ numerator ÷ Σ denominator, capped at 1. */
    record Ratio(List<String> numerator, List<String> denominator) implements Share {
        @Override
        public Double value(Map<String, Long> totals) {
            long den = sum(totals, denominator);
            return den <= 0 ? null : Math.min(1.0, (double) sum(totals, numerator) / den);
        }
    }

    /** 1 − Σ numerator ÷ Σ denominator, floored at 0: e.g. satisfaction = 100% − (overdue + dissatisfied). */
    record Complement(List<String> numerator, List<String> denominator) implements Share {
        @Override
        public Double value(Map<String, Long> totals) {
            long den = sum(totals, denominator);
            return den <= 0 ? null : Math.max(0.0, 1.0 - (double) sum(totals, numerator) / den);
        }
    }

    /** sum ÷ count, e.g. average processing hours; shown, not a share. */
    record Average(String sum, String count) implements Formula {
        @Override
        public Double value(Map<String, Long> totals) {
            long n = totals.getOrDefault(count, 0L);
            return n <= 0 ? null : (double) totals.getOrDefault(sum, 0L) / n;
        }

        @Override
        public List<String> measures() {
            return List.of(sum, count);
        }

        @Override
        public boolean share() {
            return false;
        }
    }

    static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList();
    }
}
