package vn.citygov.calendar;

/** No holiday is stored on the date: answer 404. */
public class HolidayNotFoundException extends RuntimeException {

    public HolidayNotFoundException(String message) {
        super(message);
    }
}
