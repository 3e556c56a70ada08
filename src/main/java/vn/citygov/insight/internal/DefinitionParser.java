package vn.citygov.insight.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import vn.citygov.platform.error.InvalidInputException;

/**
 * Reads an indicator set from JSON and refuses anything malformed with the field and the reason: unknown
 * formula kinds, unknown groups, duplicate codes, points or thresholds out of range, group totals
 * exceeded, bands out of order. Formulas are one of three kinds over named measures: nothing executes.
 */
public final class DefinitionParser {

    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
    static final Pattern MEASURE = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z0-9_]+");
    static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    static final List<String> KINDS = List.of("ratio", "complement", "average");

    private DefinitionParser() {
    }

    public static IndicatorSet parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw invalid("", "insight.definition.not-object");
        }
        String version = text(root, "version", "version");
        if (!VERSION.matcher(version).matches()) {
            throw invalid("version", "insight.definition.invalid-version");
        }
        LocalDate from;
        try {
            from = LocalDate.parse(text(root, "effectiveFrom", "effectiveFrom"));
        } catch (DateTimeParseException e) {
            throw invalid("effectiveFrom", "insight.definition.invalid-date");
        }
        String nameVi = text(root, "nameVi", "nameVi");
        String nameEn = text(root, "nameEn", "nameEn");

        List<IndicatorSet.Band> bands = new ArrayList<>();
        JsonNode bandNodes = array(root, "bands", "bands");
        double previous = Double.MAX_VALUE;
        for (int i = 0; i < bandNodes.size(); i++) {
            String f = "bands[" + i + "]";
            JsonNode b = bandNodes.get(i);
            String code = code(b, "code", f + ".code");
            double min = number(b, "min", f + ".min");
            if (min < 0 || min > 100 || min >= previous) {
                throw invalid(f + ".min", "insight.definition.bands-order");
            }
            previous = min;
            bands.add(new IndicatorSet.Band(code, min));
        }
        if (bands.getLast().min() != 0) {
            throw invalid("bands", "insight.definition.bands-order");
        }

        Map<String, IndicatorSet.Group> groups = new HashMap<>();
        List<IndicatorSet.Group> groupList = new ArrayList<>();
        JsonNode groupNodes = array(root, "groups", "groups");
        for (int i = 0; i < groupNodes.size(); i++) {
            String f = "groups[" + i + "]";
            JsonNode g = groupNodes.get(i);
            String code = code(g, "code", f + ".code");
            double points = number(g, "points", f + ".points");
            if (points < 0 || points > 1000) {
                throw invalid(f + ".points", "insight.definition.points");
            }
            IndicatorSet.Group group = new IndicatorSet.Group(code, text(g, "nameVi", f + ".nameVi"),
                    text(g, "nameEn", f + ".nameEn"), points);
            if (groups.put(code, group) != null) {
                throw invalid(f + ".code", "insight.definition.duplicate", code);
            }
            groupList.add(group);
        }

        List<IndicatorSet.Indicator> indicators = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Map<String, Double> used = new HashMap<>();
        JsonNode indicatorNodes = array(root, "indicators", "indicators");
        for (int i = 0; i < indicatorNodes.size(); i++) {
            String f = "indicators[" + i + "]";
            JsonNode n = indicatorNodes.get(i);
            String code = code(n, "code", f + ".code");
            if (!codes.add(code)) {
                throw invalid(f + ".code", "insight.definition.duplicate", code);
            }
            String group = code(n, "group", f + ".group");
            if (!groups.containsKey(group)) {
                throw invalid(f + ".group", "insight.definition.unknown-group", group);
            }
            double points = number(n, "points", f + ".points");
            if (points < 0) {
                throw invalid(f + ".points", "insight.definition.points");
            }
            double total = used.merge(group, points, Double::sum);
            if (total > groups.get(group).points() + 1e-9) {
                throw invalid(f + ".points", "insight.definition.group-exceeded", group);
            }
            Double threshold = null;
            if (n.has("threshold") && !n.get("threshold").isNull()) {
                threshold = number(n, "threshold", f + ".threshold");
                if (threshold <= 0 || threshold > 1) {
                    throw invalid(f + ".threshold", "insight.definition.threshold");
                }
            }
            Formula formula = formula(n.get("formula"), f + ".formula");
            if (!formula.share() && points > 0) {
                throw invalid(f + ".points", "insight.definition.average-points");
            }
            indicators.add(new IndicatorSet.Indicator(code, group, text(n, "nameVi", f + ".nameVi"),
                    text(n, "nameEn", f + ".nameEn"), points, threshold, formula));
        }
        return new IndicatorSet(version, from, nameVi, nameEn, List.copyOf(bands), List.copyOf(groupList),
                List.copyOf(indicators));
    }

    static Formula formula(JsonNode n, String f) {
        if (n == null || !n.isObject()) {
            throw invalid(f, "insight.definition.required");
        }
        String kind = text(n, "kind", f + ".kind");
        return switch (kind) {
            case "ratio" -> new Formula.Ratio(measures(n, "numerator", f), measures(n, "denominator", f));
            case "complement" -> new Formula.Complement(measures(n, "numerator", f), measures(n, "denominator", f));
            case "average" -> new Formula.Average(measure(n, "sum", f + ".sum"), measure(n, "count", f + ".count"));
            default -> throw invalid(f + ".kind", "insight.definition.unknown-kind", String.join(", ", KINDS));
        };
    }

    private static List<String> measures(JsonNode n, String name, String f) {
        JsonNode a = array(n, name, f + "." + name);
        List<String> list = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            JsonNode m = a.get(i);
            String field = f + "." + name + "[" + i + "]";
            if (m == null || !m.isString() || !MEASURE.matcher(m.asString()).matches()) {
                throw invalid(field, "insight.definition.invalid-measure");
            }
            list.add(m.asString());
        }
        return List.copyOf(list);
    }

    private static String measure(JsonNode n, String name, String f) {
        String m = text(n, name, f);
        if (!MEASURE.matcher(m).matches()) {
            throw invalid(f, "insight.definition.invalid-measure");
        }
        return m;
    }

    private static JsonNode array(JsonNode n, String name, String f) {
        JsonNode a = n.get(name);
        if (a == null || !a.isArray() || a.isEmpty()) {
            throw invalid(f, "insight.definition.required");
        }
        if (a.size() > 500) {
            throw invalid(f, "insight.definition.too-many");
        }
        return a;
    }

    private static String text(JsonNode n, String name, String f) {
        JsonNode v = n == null ? null : n.get(name);
        if (v == null || !v.isString() || v.asString().isBlank()) {
            throw invalid(f, "insight.definition.required");
        }
        if (v.asString().length() > 500) {
            throw invalid(f, "insight.definition.too-long");
        }
        return v.asString().strip();
    }

    private static String code(JsonNode n, String name, String f) {
        String c = text(n, name, f);
        if (c.length() > 80 || !CODE.matcher(c).matches()) {
            throw invalid(f, "insight.definition.invalid-code");
        }
        return c;
    }

    private static double number(JsonNode n, String name, String f) {
        JsonNode v = n == null ? null : n.get(name);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw invalid(f, "insight.definition.number");
        }
        return v.asDouble();
    }

    private static InvalidInputException invalid(String field, String key, Object... args) {
        return new InvalidInputException(field, key, args);
    }
}
