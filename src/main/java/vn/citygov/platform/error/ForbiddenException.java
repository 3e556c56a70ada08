package vn.citygov.platform.error;

import org.springframework.http.HttpStatus;

/** The caller is known but may not act on this object. */
public class ForbiddenException extends CityGovException {

    public ForbiddenException() {
        super(HttpStatus.FORBIDDEN, "forbidden", "error.forbidden");
    }
}
