package vn.citygov.feedback;

import java.util.List;
import java.util.Locale;

/**
 * An extra field a category asks for (an Open311 GeoReport v2 service attribute): a code unique in the category,
 * the datatype (string, number, datetime, text, singlevaluelist, multivaluelist), whether the reporter must answer
 * it, its place in the form (1 first), what to ask in both languages, an optional hint on the expected format and,
 * for lists, the values to choose from. {@code variable} false means the attribute only informs the reporter and
 * takes no answer.
 */
public record CategoryAttribute(String code, String datatype, Boolean variable, Boolean required, Integer order,
        String descriptionVi, String descriptionEn, String datatypeDescriptionVi, String datatypeDescriptionEn,
        List<Value> values) {

    public static final List<String> DATATYPES = List.of("string", "number", "datetime", "text", "singlevaluelist",
            "multivaluelist");

    /** A value of a list: the key sent back, and its name in both languages. */
    public record Value(String key, String nameVi, String nameEn) {

        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : nameVi;
        }
    }

    public boolean listType() {
        return "singlevaluelist".equals(datatype) || "multivaluelist".equals(datatype);
    }

    public boolean takesInput() {
        return !Boolean.FALSE.equals(variable);
    }

    public boolean mustAnswer() {
        return Boolean.TRUE.equals(required) && takesInput();
    }

    public String description(Locale locale) {
        return "en".equals(locale.getLanguage()) && descriptionEn != null ? descriptionEn : descriptionVi;
    }

    public String datatypeDescription(Locale locale) {
        return "en".equals(locale.getLanguage()) && datatypeDescriptionEn != null ? datatypeDescriptionEn
                : datatypeDescriptionVi;
    }

    public List<Value> valuesOrEmpty() {
        return values == null ? List.of() : values;
    }
}
