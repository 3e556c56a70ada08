package vn.citygov.procedures;

/**
 * A problem found by a validator.
 *
 * @param path where, e.g. {@code children[1].birthDate} or {@code fields[2].options}
 * @param reason stable code, also the tail of the message key {@code procedures.error.<reason>}
 */
public record FieldError(String path, String reason) {

    public String messageKey() {
        return "procedures.error." + reason;
    }
}
