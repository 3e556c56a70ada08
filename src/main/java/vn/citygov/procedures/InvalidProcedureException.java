package vn.citygov.procedures;

import java.util.List;
import org.springframework.http.HttpStatus;
import vn.citygov.platform.error.CityGovException;

/** One or more procedures are invalid; lists every problem, with the entry index for imports. */
public class InvalidProcedureException extends CityGovException {

    private final transient List<FieldError> errors;

    public InvalidProcedureException(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "invalid-input", "error.validation");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
