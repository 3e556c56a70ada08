package vn.citygov.platform.error;

import org.springframework.http.HttpStatus;

/**
 * Base of CityGov's typed exceptions. Each carries a stable error code, an HTTP status and a message
 * key that is resolved in the caller's language; it is mapped to problem+json in one place.
 */
public abstract class CityGovException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String messageKey;
    private final transient Object[] arguments;

    protected CityGovException(HttpStatus status, String code, String messageKey, Object... arguments) {
        super(code + ": " + messageKey);
        this.status = status;
        this.code = code;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
