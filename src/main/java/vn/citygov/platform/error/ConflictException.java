package vn.citygov.platform.error;

import org.springframework.http.HttpStatus;

/** The request clashes with the current state: a stale version, a duplicate code, an illegal transition. */
public class ConflictException extends CityGovException {

    public ConflictException(String messageKey, Object... arguments) {
        super(HttpStatus.CONFLICT, "conflict", messageKey, arguments);
    }
}
