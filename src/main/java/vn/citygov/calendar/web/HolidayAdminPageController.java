package vn.citygov.calendar.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.citygov.calendar.Holiday;
import vn.citygov.calendar.HolidayEdit;
import vn.citygov.calendar.HolidayKind;
import vn.citygov.calendar.HolidayStatus;
import vn.citygov.calendar.WorkingDayCalendar;
import vn.citygov.calendar.internal.HolidayAdminService;
import vn.citygov.platform.error.ConflictException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.error.NotFoundException;

/**
 * Administrators' holiday edits from the calendar page: plain HTML forms (no script needed) that go
 * through the same {@link HolidayAdminService} as the API, so validation, locking and the audit trail
 * are the same whichever way an edit arrives.
 */
@Controller
class HolidayAdminPageController {

    static final String PERMISSION = "hasAuthority('calendar.holiday.edit')";
    static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final WorkingDayCalendar calendar;
    private final HolidayAdminService admin;
    private final MessageSource messages;

    HolidayAdminPageController(WorkingDayCalendar calendar, HolidayAdminService admin, MessageSource messages) {
        this.calendar = calendar;
        this.admin = admin;
        this.messages = messages;
    }

    /** What the form posts; all text, so a malformed value becomes an error message instead of a 400. */
    record HolidayForm(String date, String nameVi, String nameEn, String kind, String status, String source,
            String note, String version) {

        static HolidayForm empty() {
            return new HolidayForm("", "", "", HolidayKind.FIXED.code(), "", "", "", null);
        }

        static HolidayForm of(Holiday h) {
            return new HolidayForm(h.date().toString(), h.nameVi(), h.nameEn(), h.kind().code(), h.status().code(),
                    h.source(), h.note(), String.valueOf(h.version()));
        }
    }

    /** One line of the error summary; {@code field} is the id of the input it links to. */
    record FieldError(String field, String message) {
    }

    @GetMapping("/calendar/holidays/new")
    @PreAuthorize(PERMISSION)
    String newHoliday(Model model) {
        return form(model, HolidayForm.empty(), null, List.of());
    }

    @PostMapping("/calendar/holidays")
    @PreAuthorize(PERMISSION)
    String create(@ModelAttribute HolidayForm form, Model model, RedirectAttributes redirect, Locale locale) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = parseDate(form.date(), errors, locale);
        HolidayEdit edit = toEdit(form, null, errors, locale);
        if (!errors.isEmpty()) {
            return form(model, form, null, errors);
        }
        try {
            Holiday saved = admin.put(date, edit);
            return done(redirect, "calendar.admin.notice.created", saved.date());
        } catch (InvalidInputException invalid) {
            return form(model, form, null, List.of(describe(invalid, locale)));
        } catch (ConflictException conflict) {
            return form(model, form, null, List.of(new FieldError("date", conflictMessage(conflict, date, locale))));
        }
    }

    @GetMapping("/calendar/holidays/{date}/edit")
    @PreAuthorize(PERMISSION)
    String edit(@PathVariable String date, Model model) {
        Holiday holiday = find(date);
        return form(model, HolidayForm.of(holiday), holiday.date(), List.of());
    }

    @PostMapping("/calendar/holidays/{date}")
    @PreAuthorize(PERMISSION)
    String update(@PathVariable String date, @ModelAttribute HolidayForm form, Model model,
            RedirectAttributes redirect, Locale locale) {
        LocalDate day = pathDate(date);
        List<FieldError> errors = new ArrayList<>();
        Integer version = parseVersion(form.version());
        // Without a version the edit cannot be checked against the stored one; -1 never matches.
        HolidayEdit edit = toEdit(form, version == null ? -1 : version, errors, locale);
        if (!errors.isEmpty()) {
            return form(model, form, day, errors);
        }
        try {
            admin.put(day, edit);
            return done(redirect, "calendar.admin.notice.updated", day);
        } catch (InvalidInputException invalid) {
            return form(model, form, day, List.of(describe(invalid, locale)));
        } catch (ConflictException conflict) {
            // Someone else changed or deleted it meanwhile: show what is stored now rather than overwrite it.
            // The message concerns the whole form, so it links to the form rather than to one field.
            FieldError error = new FieldError("form", conflictMessage(conflict, day, locale));
            Optional<Holiday> current = holiday(day);
            if (current.isEmpty()) {
                return done(redirect, "calendar.admin.notice.gone", day);
            }
            return form(model, HolidayForm.of(current.get()), day, List.of(error));
        }
    }

    @GetMapping("/calendar/holidays/{date}/delete")
    @PreAuthorize(PERMISSION)
    String confirmDelete(@PathVariable String date, Model model) {
        return confirm(model, find(date), List.of());
    }

    @PostMapping("/calendar/holidays/{date}/delete")
    @PreAuthorize(PERMISSION)
    String delete(@PathVariable String date, @RequestParam(required = false) String version, Model model,
            RedirectAttributes redirect, Locale locale) {
        LocalDate day = pathDate(date);
        try {
            admin.delete(day, parseVersion(version));
            return done(redirect, "calendar.admin.notice.deleted", day);
        } catch (NotFoundException gone) {
            return done(redirect, "calendar.admin.notice.gone", day);
        } catch (ConflictException conflict) {
            Holiday current = holiday(day).orElseThrow(() -> new NotFoundException("holiday", day));
            return confirm(model, current, List.of(new FieldError("confirm-delete",
                    conflictMessage(conflict, day, locale))));
        }
    }

    private String form(Model model, HolidayForm form, LocalDate editing, List<FieldError> errors) {
        model.addAttribute("holidayForm", form);
        model.addAttribute("editing", editing == null ? null : DMY.format(editing));
        model.addAttribute("editingIso", editing == null ? null : editing.toString());
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", byField(errors));
        model.addAttribute("year", editing == null ? yearOf(form.date()) : String.valueOf(editing.getYear()));
        addChoices(model, form.status());
        return "calendar/holiday-form";
    }

    private String confirm(Model model, Holiday holiday, List<FieldError> errors) {
        model.addAttribute("holiday", holiday);
        model.addAttribute("holidayDate", DMY.format(holiday.date()));
        model.addAttribute("year", String.valueOf(holiday.date().getYear()));
        model.addAttribute("errors", errors);
        return "calendar/holiday-delete";
    }

    private static Map<String, String> byField(List<FieldError> errors) {
        Map<String, String> map = new LinkedHashMap<>();
        errors.forEach(e -> map.putIfAbsent(e.field(), e.message()));
        return map;
    }

    /** The kinds and statuses the form offers; {@code computed} only while a computed holiday still has it. */
    static void addChoices(Model model, String currentStatus) {
        model.addAttribute("holidayKinds", Arrays.stream(HolidayKind.values()).map(HolidayKind::code).toList());
        model.addAttribute("holidayStatuses", Arrays.stream(HolidayStatus.values())
                .filter(s -> s != HolidayStatus.COMPUTED || s.code().equals(currentStatus))
                .map(HolidayStatus::code).toList());
    }

    private static String done(RedirectAttributes redirect, String noticeKey, LocalDate date) {
        redirect.addFlashAttribute("noticeKey", noticeKey);
        redirect.addFlashAttribute("noticeDate", DMY.format(date));
        return "redirect:/calendar?year=" + date.getYear() + "#holidays";
    }

    private HolidayEdit toEdit(HolidayForm form, Integer version, List<FieldError> errors, Locale locale) {
        HolidayKind kind = null;
        HolidayStatus status = null;
        try {
            kind = blank(form.kind()) ? null : HolidayKind.fromCode(form.kind());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", message("calendar.admin.error.kind", locale)));
        }
        try {
            status = blank(form.status()) ? null : HolidayStatus.fromCode(form.status());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("status", message("calendar.admin.error.status", locale)));
        }
        // The service checks names, lengths and the year range for the API too; empty names are also
        // checked here so that the summary lists every problem of the form at once.
        if (blank(form.nameVi())) {
            errors.add(new FieldError("nameVi", message("calendar.error.required", locale, label("nameVi", locale))));
        }
        if (blank(form.nameEn())) {
            errors.add(new FieldError("nameEn", message("calendar.error.required", locale, label("nameEn", locale))));
        }
        return new HolidayEdit(form.nameVi(), form.nameEn(), kind, status, form.source(), form.note(), version);
    }

    private LocalDate parseDate(String text, List<FieldError> errors, Locale locale) {
        if (blank(text)) {
            errors.add(new FieldError("date", message("calendar.error.required", locale, label("date", locale))));
            return null;
        }
        String value = text.strip();
        try {
            // <input type=date> sends ISO; browsers without it let people type dd/MM/yyyy.
            return value.contains("/") ? LocalDate.parse(value, DMY) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("date", message("calendar.admin.error.date", locale)));
            return null;
        }
    }

    private static LocalDate pathDate(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new NotFoundException("holiday", date);
        }
    }

    private static Integer parseVersion(String version) {
        if (blank(version)) {
            return null;
        }
        try {
            return Integer.valueOf(version.strip());
        } catch (NumberFormatException e) {
            // An unreadable version can never match, so the service reports a stale version.
            return -1;
        }
    }

    private Holiday find(String date) {
        LocalDate day = pathDate(date);
        return holiday(day).orElseThrow(() -> new NotFoundException("holiday", day));
    }

    private Optional<Holiday> holiday(LocalDate day) {
        if (day.getYear() < WorkingDayCalendar.MIN_YEAR || day.getYear() > WorkingDayCalendar.MAX_YEAR) {
            return Optional.empty();
        }
        return calendar.holidays(day.getYear()).stream().filter(h -> h.date().equals(day)).findFirst();
    }

    private FieldError describe(InvalidInputException invalid, Locale locale) {
        Object[] arguments = invalid.arguments();
        // The service names the field in its messages; people read the field's label instead.
        if (arguments.length > 0 && invalid.field().equals(arguments[0])) {
            arguments[0] = label(invalid.field(), locale);
        }
        return new FieldError(invalid.field(), message(invalid.messageKey(), locale, arguments));
    }

    private String conflictMessage(ConflictException conflict, LocalDate date, Locale locale) {
        String key = switch (conflict.messageKey()) {
            case "calendar.error.holiday-exists" -> "calendar.admin.conflict.exists";
            case "calendar.error.holiday-deleted" -> "calendar.admin.conflict.deleted";
            default -> "calendar.admin.conflict.stale";
        };
        return message(key, locale, date == null ? "" : DMY.format(date));
    }

    private String label(String field, Locale locale) {
        return message("calendar.admin.field." + field, locale);
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static String yearOf(String date) {
        try {
            return String.valueOf(LocalDate.parse(date.strip()).getYear());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
