package vn.citygov.feedback;

/**
 * A report's answer to one of its category's attributes: the code, the question in the reader's language, the
 * value as stored (text, number or list of keys) and as people read it (list keys replaced by their names).
 */
public record AttributeAnswer(String code, String question, Object value, String text) {
}
