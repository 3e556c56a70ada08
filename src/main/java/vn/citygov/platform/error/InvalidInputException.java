package vn.citygov.platform.error;

import org.springframework.http.HttpStatus;

/** A value in the request is not acceptable; names the field so clients can show it beside the input. */
public class InvalidInputException extends CityGovException {

    private final String field;

    public InvalidInputException(String field, String messageKey, Object... arguments) {
        super(HttpStatus.BAD_REQUEST, "invalid-input", messageKey, arguments);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
