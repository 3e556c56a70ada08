package vn.citygov.calendar;

/** A holiday edit based on an outdated version (or creating a holiday where one exists): answer 409. */
public class HolidayConflictException extends RuntimeException {

    public HolidayConflictException(String message) {
        super(message);
    }
}
