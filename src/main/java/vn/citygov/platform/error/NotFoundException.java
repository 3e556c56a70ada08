package vn.citygov.platform.error;

import org.springframework.http.HttpStatus;

/** The object asked for does not exist, or the caller may not know that it exists. */
public class NotFoundException extends CityGovException {

    public NotFoundException(String objectType, Object id) {
        super(HttpStatus.NOT_FOUND, "not-found", "error.not-found.object", objectType, String.valueOf(id));
    }
}
