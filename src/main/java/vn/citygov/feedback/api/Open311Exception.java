package vn.citygov.feedback.api;

/** An Open311 error: its HTTP status is also the code in the body, as GeoReport v2 clients expect. */
class Open311Exception extends RuntimeException {

    private final int status;

    Open311Exception(int status, String description) {
        super(description);
        this.status = status;
    }

    int status() {
        return status;
    }
}
