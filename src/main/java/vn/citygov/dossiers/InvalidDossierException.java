package vn.citygov.dossiers;

import java.util.List;
import org.springframework.http.HttpStatus;
import vn.citygov.platform.error.CityGovException;

/** A submission or action with invalid fields; lists every problem at once, nothing is saved. */
public class InvalidDossierException extends CityGovException {

    private final transient List<Problem> problems;

    public InvalidDossierException(List<Problem> problems) {
        super(HttpStatus.BAD_REQUEST, "invalid-input", "error.validation");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** One invalid field and the message key explaining why. */
    public record Problem(String field, String messageKey) {
    }
}
