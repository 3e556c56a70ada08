package vn.citygov.calendar.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.citygov.calendar.CalendarProperties;
import vn.citygov.calendar.Holiday;
import vn.citygov.calendar.LunarCalendar;
import vn.citygov.calendar.WorkdaySwap;
import vn.citygov.calendar.WorkingDayCalendar;
import vn.citygov.platform.security.CurrentUser;

/** The public page: a year's holidays and a deadline calculator (a plain GET form, rendered on the server). */
@Controller
class CalendarPageController {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private static final int MAX_DAYS = 3650;

    private final WorkingDayCalendar calendar;
    private final MessageSource messages;
    private final Clock clock;

    CalendarPageController(WorkingDayCalendar calendar, MessageSource messages, Clock clock) {
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
    }

    record HolidayRow(String isoDate, String date, String weekday, String name, String lunarDate, String kindKey,
            String statusKey) {
    }

    record SwapRow(String date, String weekday, String name, String kindKey, String statusKey) {
    }

    record Calculation(String deadline, String countedFrom) {
    }

    @GetMapping("/calendar")
    String page(@RequestParam(required = false) String year,
            @RequestParam(required = false) String receivedDate,
            @RequestParam(required = false) String receivedTime,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false, defaultValue = "days") String unit,
            Locale locale, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        int shownYear = parseYear(year, today.getYear());

        List<HolidayRow> holidays = calendar.holidays(shownYear).stream().map(h -> row(h, locale)).toList();
        List<SwapRow> swaps = calendar.swaps(shownYear).stream().map(s -> row(s, locale)).toList();
        // Years as text: MessageFormat would print the number 2026 as "2,026".
        model.addAttribute("year", String.valueOf(shownYear));
        model.addAttribute("previousYear", shownYear > WorkingDayCalendar.MIN_YEAR ? String.valueOf(shownYear - 1) : null);
        model.addAttribute("nextYear", shownYear < WorkingDayCalendar.MAX_YEAR ? String.valueOf(shownYear + 1) : null);
        model.addAttribute("computed", calendar.isComputedYear(shownYear));
        model.addAttribute("holidays", holidays);
        model.addAttribute("swaps", swaps);
        if (CurrentUser.get().map(u -> u.can("calendar.holiday.edit")).orElse(false)) {
            model.addAttribute("holidayForm", HolidayAdminPageController.HolidayForm.empty());
            HolidayAdminPageController.addChoices(model, null);
        }

        CalendarProperties p = calendar.properties();
        model.addAttribute("hours", List.of(HM.format(p.morningStart()), HM.format(p.morningEnd()),
                HM.format(p.afternoonStart()), HM.format(p.afternoonEnd()), HM.format(p.cutOff())));
        model.addAttribute("receivedDate", receivedDate == null ? today.toString() : receivedDate);
        model.addAttribute("receivedTime", receivedTime == null ? "08:00" : receivedTime);
        model.addAttribute("amount", amount == null ? "" : amount);
        model.addAttribute("unit", "hours".equals(unit) ? "hours" : "days");
        if (amount != null && !amount.isBlank()) {
            try {
                model.addAttribute("result", calculate(receivedDate, receivedTime, amount, unit, locale));
            } catch (IllegalArgumentException | DateTimeException | NullPointerException e) {
                model.addAttribute("errorKey", "calendar.calculator.error.invalid");
            }
        }
        return "calendar/index";
    }

    private Calculation calculate(String date, String time, String amount, String unit, Locale locale) {
        int n = Integer.parseInt(amount.strip());
        boolean hours = "hours".equals(unit);
        if (n < 0 || n > (hours ? MAX_DAYS * 8 : MAX_DAYS)) {
            throw new IllegalArgumentException("amount out of range");
        }
        LocalTime at = time == null || time.isBlank() ? LocalTime.of(8, 0) : LocalTime.parse(time.strip());
        Instant received = LocalDate.parse(date.strip()).atTime(at).atZone(calendar.zone()).toInstant();
        Instant deadline = hours ? calendar.addWorkingHours(received, n) : calendar.addWorkingDays(received, n);
        DateTimeFormatter full = DateTimeFormatter.ofPattern(
                messages.getMessage("calendar.format.dateTime", null, "HH:mm, EEEE dd/MM/yyyy", locale), locale);
        return new Calculation(full.format(deadline.atZone(calendar.zone())),
                DMY.format(calendar.effectiveReceiptDay(received)));
    }

    private static int parseYear(String year, int fallback) {
        if (year == null || year.isBlank()) {
            return fallback;
        }
        try {
            int y = Integer.parseInt(year.strip());
            return Math.clamp(y, WorkingDayCalendar.MIN_YEAR, WorkingDayCalendar.MAX_YEAR);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static HolidayRow row(Holiday h, Locale locale) {
        var lunar = LunarCalendar.toLunar(h.date());
        return new HolidayRow(h.date().toString(), DMY.format(h.date()), weekday(h.date(), locale), h.name(locale),
                "%02d/%02d/%d".formatted(lunar.day(), lunar.month(), lunar.year()),
                "calendar.kind." + h.kind().code(), "calendar.status." + h.status().code());
    }

    private static SwapRow row(WorkdaySwap s, Locale locale) {
        return new SwapRow(DMY.format(s.date()), weekday(s.date(), locale), s.name(locale),
                "calendar.swap." + s.kind().code(), "calendar.status." + s.status().code());
    }

    private static String weekday(LocalDate date, Locale locale) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, locale);
    }
}
