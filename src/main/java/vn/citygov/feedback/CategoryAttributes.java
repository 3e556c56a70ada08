package vn.citygov.feedback;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.text.TextFolding;

/**
 * The rules of category attributes: which definitions coordinators may save, which answers a report may carry
 * (required, datatype, list keys), how answers read, and how they arrive as form parameters
 * ({@code attribute[code]=value}, {@code attribute[code][]=value} for several values, as GeoReport v2 POSTs them).
 * A bad definition or answer names its field: {@code attributes[i].x} in a definition, {@code attributes.code} in
 * a report.
 */
public final class CategoryAttributes {

    public static final int MAX_ATTRIBUTES = 30;
    public static final int MAX_VALUES = 100;
    public static final int MAX_STRING = 500;
    public static final int MAX_TEXT = 4000;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern PARAMETER = Pattern.compile("attribute\\[([^\\[\\]]{1,64})\\](\\[\\])?");
    private static final ZoneId CITY = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final BigDecimal LIMIT = new BigDecimal("1e15");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private CategoryAttributes() {
    }

    // ---------------------------------------------------------------- definitions

    /** The definitions as saved: trimmed, defaults filled in, in form order; or the first problem found. */
    public static List<CategoryAttribute> checkDefinitions(List<CategoryAttribute> in) {
        if (in == null || in.isEmpty()) {
            return List.of();
        }
        if (in.size() > MAX_ATTRIBUTES) {
            throw new InvalidInputException("attributes", "feedback.error.attribute-count", MAX_ATTRIBUTES);
        }
        List<CategoryAttribute> out = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<Integer> orders = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            CategoryAttribute a = in.get(i);
            String field = "attributes[" + i + "].";
            String code = a == null || a.code() == null ? "" : a.code().strip();
            if (!CODE.matcher(code).matches() || !codes.add(code.toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException(field + "code", "feedback.error.attribute-code");
            }
            String datatype = a.datatype() == null ? "" : a.datatype().strip().toLowerCase(Locale.ROOT);
            if (!CategoryAttribute.DATATYPES.contains(datatype)) {
                throw new InvalidInputException(field + "datatype", "feedback.error.attribute-datatype",
                        String.join(", ", CategoryAttribute.DATATYPES));
            }
            boolean variable = !Boolean.FALSE.equals(a.variable());
            boolean required = Boolean.TRUE.equals(a.required());
            if (required && !variable) {
                throw new InvalidInputException(field + "required", "feedback.error.attribute-informational");
            }
            int order = a.order() == null ? i + 1 : a.order();
            if (order < 1 || order > 1000 || !orders.add(order)) {
                throw new InvalidInputException(field + "order", "feedback.error.attribute-order");
            }
            String vi = definitionText(field + "descriptionVi", a.descriptionVi(), MAX_STRING, true);
            String en = definitionText(field + "descriptionEn", a.descriptionEn(), MAX_STRING, true);
            String hintVi = definitionText(field + "datatypeDescriptionVi", a.datatypeDescriptionVi(), 200, false);
            String hintEn = definitionText(field + "datatypeDescriptionEn", a.datatypeDescriptionEn(), 200, false);
            List<CategoryAttribute.Value> values = values(field + "values", datatype, a.values());
            out.add(new CategoryAttribute(code, datatype, variable, required, order, vi, en, hintVi, hintEn, values));
        }
        out.sort(java.util.Comparator.comparing(CategoryAttribute::order));
        return List.copyOf(out);
    }

    private static List<CategoryAttribute.Value> values(String field, String datatype, List<CategoryAttribute.Value> in) {
        boolean list = "singlevaluelist".equals(datatype) || "multivaluelist".equals(datatype);
        if (!list) {
            if (in != null && !in.isEmpty()) {
                throw new InvalidInputException(field, "feedback.error.attribute-values");
            }
            return null;
        }
        if (in == null || in.isEmpty() || in.size() > MAX_VALUES) {
            throw new InvalidInputException(field, "feedback.error.attribute-values");
        }
        List<CategoryAttribute.Value> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (CategoryAttribute.Value v : in) {
            String key = v == null || v.key() == null ? "" : v.key().strip();
            if (!KEY.matcher(key).matches() || !keys.add(key)) {
                throw new InvalidInputException(field, "feedback.error.attribute-values");
            }
            String vi = definitionText(field, v.nameVi(), 200, true);
            String en = definitionText(field, v.nameEn(), 200, false);
            out.add(new CategoryAttribute.Value(key, vi, en == null ? vi : en));
        }
        return List.copyOf(out);
    }

    private static String definitionText(String field, String value, int max, boolean required) {
        String v = value == null ? "" : TextFolding.nfc(value.replace("\u0000", "")).strip();
        if (v.isEmpty()) {
            if (required) {
                throw new InvalidInputException(field, "feedback.error.attribute-description", max);
            }
            return null;
        }
        if (v.length() > max || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            throw new InvalidInputException(field, "feedback.error.attribute-description", max);
        }
        return v;
    }

    // ---------------------------------------------------------------- answers

    /**
     * The answers a new report keeps, by code: text, a number, an ISO 8601 date-time or a list of keys. Unknown
     * codes, answers to informational attributes, missing required answers, values of the wrong datatype and keys
     * not in the list are refused.
     */
    static Map<String, Object> checkAnswers(Category category, Map<String, Object> in) {
        Map<String, CategoryAttribute> byCode = new LinkedHashMap<>();
        for (CategoryAttribute a : category.orderedAttributes()) {
            byCode.put(a.code(), a);
        }
        Map<String, Object> given = in == null ? Map.of() : in;
        for (String code : given.keySet()) {
            CategoryAttribute a = code == null ? null : byCode.get(code);
            if (a == null || !a.takesInput()) {
                String shown = code == null ? "" : code.replaceAll("[^A-Za-z0-9_.-]", "");
                shown = shown.length() > 40 ? shown.substring(0, 40) : shown;
                throw new InvalidInputException("attributes." + shown, "feedback.error.attribute-unknown", shown);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (CategoryAttribute a : byCode.values()) {
            if (!a.takesInput()) {
                continue;
            }
            String field = "attributes." + a.code();
            List<String> values = strings(field, a, given.get(a.code()));
            if (values.isEmpty()) {
                if (a.mustAnswer()) {
                    throw invalid(field, "feedback.error.attribute-required", a);
                }
                continue;
            }
            if (!"multivaluelist".equals(a.datatype()) && values.size() > 1) {
                throw invalid(field, "feedback.error.attribute-single", a);
            }
            String first = values.getFirst();
            Set<String> keys = new LinkedHashSet<>();
            a.valuesOrEmpty().forEach(v -> keys.add(v.key()));
            switch (a.datatype()) {
                case "string" -> {
                    if (first.length() > MAX_STRING || first.indexOf('\n') >= 0 || first.indexOf('\r') >= 0) {
                        throw invalid(field, "feedback.error.attribute-string", a, MAX_STRING);
                    }
                    out.put(a.code(), first);
                }
                case "text" -> {
                    if (first.length() > MAX_TEXT) {
                        throw invalid(field, "feedback.error.attribute-text", a, MAX_TEXT);
                    }
                    out.put(a.code(), first);
                }
                case "number" -> out.put(a.code(), number(field, a, first));
                case "datetime" -> out.put(a.code(), dateTime(field, a, first));
                case "singlevaluelist" -> {
                    if (!keys.contains(first)) {
                        throw invalid(field, "feedback.error.attribute-value", a);
                    }
                    out.put(a.code(), first);
                }
                default -> {
                    List<String> chosen = new ArrayList<>(new LinkedHashSet<>(values));
                    if (!keys.containsAll(chosen)) {
                        throw invalid(field, "feedback.error.attribute-value", a);
                    }
                    out.put(a.code(), chosen);
                }
            }
        }
        return out;
    }

    /** The message names the question in the reader's language: {0} Vietnamese, {1} English, then the rest. */
    private static InvalidInputException invalid(String field, String key, CategoryAttribute a, Object... more) {
        Object[] args = new Object[2 + more.length];
        args[0] = a.descriptionVi();
        args[1] = a.descriptionEn();
        System.arraycopy(more, 0, args, 2, more.length);
        return new InvalidInputException(field, key, args);
    }

    private static List<String> strings(String field, CategoryAttribute a, Object value) {
        List<Object> raw = new ArrayList<>();
        if (value instanceof List<?> list) {
            if (list.size() > MAX_VALUES) {
                throw invalid(field, "feedback.error.attribute-value", a);
            }
            raw.addAll(list);
        } else if (value != null) {
            raw.add(value);
        }
        List<String> out = new ArrayList<>();
        for (Object o : raw) {
            if (o == null) {
                continue;
            }
            if (!(o instanceof String || o instanceof Number || o instanceof Boolean)) {
                throw invalid(field, "feedback.error.attribute-value", a);
            }
            String s = TextFolding.nfc(String.valueOf(o).replace("\u0000", "")).strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static BigDecimal number(String field, CategoryAttribute a, String s) {
        String v = s.replace(" ", "");
        // A Vietnamese decimal comma ("12,5") is accepted when it is the only separator.
        if (v.indexOf(',') >= 0 && v.indexOf('.') < 0 && v.indexOf(',') == v.lastIndexOf(',')) {
            v = v.replace(',', '.');
        }
        try {
            BigDecimal n = new BigDecimal(v);
            if (n.abs().compareTo(LIMIT) >= 0 || n.scale() > 6) {
                throw invalid(field, "feedback.error.attribute-number", a);
            }
            return n.stripTrailingZeros().scale() < 0 ? n.setScale(0) : n.stripTrailingZeros();
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(field, "feedback.error.attribute-number", a);
        }
    }

    /** ISO 8601 with a zone; without one (as an HTML date-time input sends it) the city's time. */
    private static String dateTime(String field, CategoryAttribute a, String s) {
        OffsetDateTime t;
        try {
            t = OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            try {
                t = LocalDateTime.parse(s).atZone(CITY).toOffsetDateTime();
            } catch (DateTimeParseException e2) {
                try {
                    t = LocalDate.parse(s).atStartOfDay(CITY).toOffsetDateTime();
                } catch (DateTimeParseException e3) {
                    throw invalid(field, "feedback.error.attribute-datetime", a);
                }
            }
        }
        if (t.getYear() < 1900 || t.getYear() > 2200) {
            throw invalid(field, "feedback.error.attribute-datetime", a);
        }
        return t.atZoneSameInstant(CITY).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The stored answers as people read them, in the category's form order; answers to removed attributes last. */
    static List<AttributeAnswer> answers(Category category, Map<String, Object> stored, Locale locale) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        Map<String, Object> left = new LinkedHashMap<>(stored);
        List<AttributeAnswer> out = new ArrayList<>();
        for (CategoryAttribute a : category.orderedAttributes()) {
            if (left.containsKey(a.code())) {
                Object v = left.remove(a.code());
                out.add(new AttributeAnswer(a.code(), a.description(locale), v, text(a, v, locale)));
            }
        }
        left.forEach((code, v) -> out.add(new AttributeAnswer(code, code, v, text(null, v, locale))));
        return out;
    }

    private static String text(CategoryAttribute a, Object value, Locale locale) {
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(v -> text(a, v, locale)).toList());
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        String s = String.valueOf(value);
        if (a != null && a.listType()) {
            return a.valuesOrEmpty().stream().filter(v -> v.key().equals(s)).findFirst().map(v -> v.name(locale)).orElse(s);
        }
        if (a != null && "datetime".equals(a.datatype())) {
            try {
                return OffsetDateTime.parse(s).atZoneSameInstant(CITY).format(SHOWN);
            } catch (DateTimeParseException e) {
                return s;
            }
        }
        return s;
    }

    // ---------------------------------------------------------------- form parameters

    /**
     * Answers from form parameters named {@code attribute[code]} (one value) or {@code attribute[code][]} (each
     * value of a multivaluelist), as GeoReport v2 POSTs them and as the report form sends them.
     */
    public static Map<String, Object> fromParameters(Map<String, String[]> parameters) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : parameters.entrySet()) {
            Matcher m = PARAMETER.matcher(e.getKey());
            if (!m.matches() || e.getValue() == null) {
                continue;
            }
            String code = m.group(1);
            List<String> values = new ArrayList<>();
            Object before = out.get(code);
            if (before instanceof List<?> list) {
                list.forEach(v -> values.add(String.valueOf(v)));
            } else if (before != null) {
                values.add(String.valueOf(before));
            }
            values.addAll(List.of(e.getValue()));
            if (values.isEmpty()) {
                continue;
            }
            out.put(code, m.group(2) != null || values.size() > 1 ? values : values.getFirst());
        }
        return out;
    }
}
