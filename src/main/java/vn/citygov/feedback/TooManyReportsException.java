package vn.citygov.feedback;

import org.springframework.http.HttpStatus;
import vn.citygov.platform.error.CityGovException;

/** Too many reports from one address or account in the rate-limit window: 429. */
public class TooManyReportsException extends CityGovException {

    public TooManyReportsException() {
        super(HttpStatus.TOO_MANY_REQUESTS, "too-many-reports", "feedback.error.too-many-reports");
    }
}
