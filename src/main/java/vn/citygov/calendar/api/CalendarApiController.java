package vn.citygov.calendar.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.citygov.calendar.Holiday;
import vn.citygov.calendar.HolidayEdit;
import vn.citygov.calendar.HolidayKind;
import vn.citygov.calendar.HolidayStatus;
import vn.citygov.calendar.LunarCalendar;
import vn.citygov.calendar.WorkdaySwap;
import vn.citygov.calendar.WorkingDayCalendar;
import vn.citygov.calendar.internal.HolidayAdminService;
import vn.citygov.platform.error.InvalidInputException;

/** Holidays, working days and deadlines over HTTP; holiday edits need {@code calendar.holiday.edit}. */
@Tag(name = "Calendar", description = "Public holidays, working days and legal deadlines (Asia/Ho_Chi_Minh)")
@RestController
@RequestMapping("/api/v1/calendar")
public class CalendarApiController {

    static final int MAX_WORKING_DAYS = 3650;
    static final int MAX_WORKING_HOURS = 8 * 3650;

    private final WorkingDayCalendar calendar;
    private final HolidayAdminService admin;
    private final Clock clock;

    CalendarApiController(WorkingDayCalendar calendar, HolidayAdminService admin, Clock clock) {
        this.calendar = calendar;
        this.admin = admin;
        this.clock = clock;
    }

    /** A holiday as served; {@code computed} holidays have version 0 and no updatedAt. */
    public record HolidayDto(LocalDate date, String nameVi, String nameEn, String kind, String status,
            String source, String note, String lunarDate, int version, Instant updatedAt) {

        static HolidayDto of(Holiday h) {
            var lunar = LunarCalendar.toLunar(h.date());
            return new HolidayDto(h.date(), h.nameVi(), h.nameEn(), h.kind().code(), h.status().code(),
                    h.source(), h.note(), lunar + " (" + LunarCalendar.canChi(lunar.year()) + ")", h.version(),
                    h.updatedAt());
        }
    }

    public record SwapDto(LocalDate date, String kind, String nameVi, String nameEn, String source, String status) {

        static SwapDto of(WorkdaySwap s) {
            return new SwapDto(s.date(), s.kind().code(), s.nameVi(), s.nameEn(), s.source(), s.status().code());
        }
    }

    /** Times are ISO-8601 strings with the +07:00 offset, as the offices read them. */
    public record DeadlineDto(String received, LocalDate receivedCountsOn, Integer workingDays,
            Integer workingHours, String deadline, String timeZone) {
    }

    public record WorkingDaysDto(LocalDate from, LocalDate to, int workingDays, String counting) {
    }

    /** Body of PUT: kind fixed|lunar|substitute (default fixed), status (default official). */
    public record HolidayRequest(String nameVi, String nameEn, String kind, String status, String source,
            String note, Integer version) {
    }

    @Operation(summary = "Holidays of a year", description = "Stored holidays, or for a year without data the ones computed from the Labour Code (status computed). Default: this year.")
    @ApiResponse(responseCode = "400", description = "Year outside 1900-2199")
    @GetMapping("/holidays")
    public List<HolidayDto> holidays(@RequestParam(required = false) Integer year) {
        return calendar.holidays(year(year)).stream().map(HolidayDto::of).toList();
    }

    @Operation(summary = "Public-sector working-day swaps of a year", description = "day_off: a weekday given off; workday: a Saturday worked in exchange.")
    @GetMapping("/swaps")
    public List<SwapDto> swaps(@RequestParam(required = false) Integer year) {
        return calendar.swaps(year(year)).stream().map(SwapDto::of).toList();
    }

    @Operation(summary = "Deadline of a time limit", description = "Give received (ISO-8601, e.g. 2026-02-13T10:00:00+07:00) and exactly one of workingDays or workingHours. Days: counting starts the working day after receipt (receipt at or after 15:00 counts the next working day); the deadline is 17:00 of the last day. Hours: office hours 07:30-11:30 and 13:00-17:00 only.")
    @ApiResponse(responseCode = "400", description = "Missing or malformed parameter")
    @GetMapping("/deadline")
    public DeadlineDto deadline(@RequestParam String received,
            @RequestParam(required = false) Integer workingDays,
            @RequestParam(required = false) Integer workingHours) {
        if ((workingDays == null) == (workingHours == null)) {
            throw new InvalidInputException(workingDays == null ? "workingDays" : "workingHours",
                    "calendar.error.days-or-hours");
        }
        Instant receivedAt = parseReceived(received);
        checkYear("received", receivedAt.atZone(calendar.zone()).getYear());
        Instant deadline;
        if (workingDays != null) {
            checkRange("workingDays", workingDays, MAX_WORKING_DAYS);
            deadline = calendar.addWorkingDays(receivedAt, workingDays);
        } else {
            checkRange("workingHours", workingHours, MAX_WORKING_HOURS);
            deadline = calendar.addWorkingHours(receivedAt, workingHours);
        }
        return new DeadlineDto(format(receivedAt), calendar.effectiveReceiptDay(receivedAt), workingDays,
                workingHours, format(deadline), calendar.zone().getId());
    }

    @Operation(summary = "Working days between two dates", description = "Counts working days d with from < d <= to; negative when to is before from.")
    @GetMapping("/working-days")
    public WorkingDaysDto workingDays(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        checkYear("from", from.getYear());
        checkYear("to", to.getYear());
        return new WorkingDaysDto(from, to, calendar.workingDaysBetween(from, to),
                "working days d with from < d <= to; negative if to is before from");
    }

    @Operation(summary = "Create or change the holiday of a date", description = "Without version: create (201). With the version last read: update (200). Needs calendar.holiday.edit.")
    @ApiResponse(responseCode = "409", description = "Stale version, or a holiday already exists on that date")
    @PutMapping("/holidays/{date}")
    @PreAuthorize("hasAuthority('calendar.holiday.edit')")
    public ResponseEntity<HolidayDto> put(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestBody HolidayRequest body) {
        HolidayEdit edit = new HolidayEdit(body.nameVi(), body.nameEn(),
                body.kind() == null ? null : parse("kind", () -> HolidayKind.fromCode(body.kind())),
                body.status() == null ? null : parse("status", () -> HolidayStatus.fromCode(body.status())),
                body.source(), body.note(), body.version());
        HolidayDto saved = HolidayDto.of(admin.put(date, edit));
        return body.version() == null
                ? ResponseEntity.created(URI.create("/api/v1/calendar/holidays?year=" + date.getYear())).body(saved)
                : ResponseEntity.ok(saved);
    }

    @Operation(summary = "Delete the holiday of a date", description = "With version, only if unchanged since read. Needs calendar.holiday.edit.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No holiday on that date")
    @DeleteMapping("/holidays/{date}")
    @PreAuthorize("hasAuthority('calendar.holiday.edit')")
    public ResponseEntity<Void> delete(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) Integer version) {
        admin.delete(date, version);
        return ResponseEntity.noContent().build();
    }

    private int year(Integer year) {
        int y = year != null ? year : LocalDate.now(clock.withZone(calendar.zone())).getYear();
        checkYear("year", y);
        return y;
    }

    private static void checkYear(String field, int year) {
        if (year < WorkingDayCalendar.MIN_YEAR || year > WorkingDayCalendar.MAX_YEAR) {
            throw new InvalidInputException(field, "calendar.error.year-range",
                    String.valueOf(WorkingDayCalendar.MIN_YEAR), String.valueOf(WorkingDayCalendar.MAX_YEAR));
        }
    }

    private Instant parseReceived(String text) {
        // An unencoded '+' in a query string arrives as a space.
        String value = text.strip().replace(' ', '+');
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDateTime.parse(value).atZone(calendar.zone()).toInstant();
            } catch (DateTimeException e2) {
                throw new InvalidInputException("received", "calendar.error.received");
            }
        }
    }

    private String format(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(calendar.zone()).toOffsetDateTime());
    }

    private static void checkRange(String name, int value, int max) {
        if (value < 0 || value > max) {
            throw new InvalidInputException(name, "calendar.error.range", name, "0", String.valueOf(max));
        }
    }

    private static <T> T parse(String field, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "calendar.error.unknown-code", field);
        }
    }
}
