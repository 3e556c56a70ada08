package vn.citygov.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.citygov.directory.AdminUnit;
import vn.citygov.feedback.CategoryAttribute;
import vn.citygov.feedback.CategoryAttributes;
import vn.citygov.feedback.CreatedReport;
import vn.citygov.feedback.FeedbackService;
import vn.citygov.feedback.FeedbackService.MapFilter;
import vn.citygov.feedback.NewReport;
import vn.citygov.feedback.ReportAction;
import vn.citygov.feedback.api.DashboardExport;
import vn.citygov.files.FileRejectedException;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.error.CityGovException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.web.NavigationItem;

/**
 * Pages: the public map and list, the report form with a map pin, a report's public page with rating and
 * following, statistics per unit, the officials' inbox with actions, and the leaders' monitoring view.
 */
@Controller
class FeedbackPageController {

    private final FeedbackService feedback;
    private final MessageSource messages;
    private final DashboardExport export;
    private final String tileUrl;

    FeedbackPageController(FeedbackService feedback, MessageSource messages, DashboardExport export,
            @Value("${citygov.feedback.map.tile-url:}") String tileUrl) {
        this.feedback = feedback;
        this.messages = messages;
        this.export = export;
        this.tileUrl = tileUrl;
    }

    @Bean
    static NavigationItem feedbackNavigation() {
        return NavigationItem.open(50, "nav.feedback", "/feedback");
    }

    @Bean
    static NavigationItem feedbackWorkNavigation() {
        return NavigationItem.forPermission(35, "nav.feedback-work", "/feedback/work", FeedbackService.HANDLE);
    }

    @Bean
    static NavigationItem feedbackMonitoringNavigation() {
        return NavigationItem.forPermission(36, "nav.feedback-monitoring", "/feedback/monitoring", FeedbackService.MONITOR);
    }

    private void mapModel(Model model) {
        double[] b = feedback.cityBounds();
        model.addAttribute("bounds", b[1] + "," + b[0] + "," + b[3] + "," + b[2]);
        model.addAttribute("tileUrl", tileUrl);
        StringBuilder units = new StringBuilder("[");
        for (AdminUnit u : feedback.adminUnits()) {
            if (u.labelLat() == null) {
                continue;
            }
            if (units.length() > 1) {
                units.append(',');
            }
            units.append("[\"").append(u.code()).append("\",").append(u.labelLat()).append(',').append(u.labelLon())
                    .append(",\"").append(u.name().replace("\\", "").replace("\"", "")).append("\"]");
        }
        model.addAttribute("unitMarkers", units.append(']').toString());
        model.addAttribute("units", feedback.adminUnits());
        model.addAttribute("categories", feedback.categories());
    }

    @GetMapping("/feedback")
    String publicMap(@RequestParam(required = false) String category, @RequestParam(required = false) String status,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page, Model model) {
        MapFilter filter = new MapFilter(category, status, unit, from, to);
        mapModel(model);
        model.addAttribute("filter", filter);
        model.addAttribute("result", feedback.publicList(filter, PageQuery.of(page, 20)));
        return "feedback/map";
    }

    @GetMapping("/feedback/new")
    String form(@RequestParam(required = false) String categoryCode, Model model) {
        mapModel(model);
        Map<String, String> form = new LinkedHashMap<>();
        if (categoryCode != null) {
            form.put("categoryCode", categoryCode);
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", Map.of());
        attributesModel(model, categoryCode, Map.of());
        return "feedback/new";
    }

    /** The chosen category's extra fields, swapped into the form when the category changes. */
    @GetMapping("/feedback/new/attributes")
    String attributeFields(@RequestParam(required = false) String categoryCode, Model model) {
        model.addAttribute("errors", Map.of());
        attributesModel(model, categoryCode, Map.of());
        return "feedback/new :: attributes";
    }

    private void attributesModel(Model model, String categoryCode, Map<String, Object> answers) {
        model.addAttribute("selected", feedback.category(categoryCode == null ? null : categoryCode.strip()).orElse(null));
        model.addAttribute("answers", answers);
    }

    @GetMapping("/feedback/similar")
    String similar(@RequestParam(required = false) String categoryCode, @RequestParam(required = false) Double lat,
            @RequestParam(required = false) Double lon, @RequestParam(required = false) String title, Model model) {
        try {
            model.addAttribute("similar", feedback.similar(categoryCode, lat, lon, title));
        } catch (InvalidInputException e) {
            model.addAttribute("similar", List.of());
        }
        return "feedback/similar :: list";
    }

    @PostMapping("/feedback/new")
    String submit(@RequestParam Map<String, String> form,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos, HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response, Model model, RedirectAttributes redirect)
            throws IOException {
        List<FeedbackService.Upload> uploads = new ArrayList<>();
        if (photos != null) {
            for (MultipartFile p : photos) {
                if (!p.isEmpty()) {
                    uploads.add(new FeedbackService.Upload(p.getOriginalFilename(), p.getInputStream()));
                }
            }
        }
        // Only the chosen category's fields count: others may linger in a form whose category was changed.
        Set<String> asked = feedback.category(form.get("categoryCode")).map(c -> c.attributes().stream()
                .map(CategoryAttribute::code).collect(Collectors.toSet())).orElse(Set.of());
        Map<String, Object> answers = new LinkedHashMap<>(CategoryAttributes.fromParameters(request.getParameterMap()));
        answers.keySet().retainAll(asked);
        try {
            NewReport in = new NewReport(form.get("categoryCode"), form.get("title"), form.get("description"),
                    number(form.get("lat")), number(form.get("lon")), form.get("address"), form.get("adminUnitCode"),
                    form.get("contactName"), form.get("contactEmail"), form.get("contactPhone"), null, answers);
            CreatedReport created = feedback.submitWithPhotos(feedback.placed(in), "web", request.getRemoteAddr(), uploads);
            redirect.addFlashAttribute("token", created.token());
            return "redirect:/feedback/" + created.code() + "?created";
        } catch (InvalidInputException | FileRejectedException | vn.citygov.feedback.TooManyReportsException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            String field = e instanceof InvalidInputException invalid && invalid.field() != null ? invalid.field() : "photos";
            if (e instanceof vn.citygov.feedback.TooManyReportsException) {
                field = "form";
                response.setStatus(429);
            }
            // An attribute's error points at its input.
            errors.put(field.startsWith("attributes.") ? "attr-" + field.substring("attributes.".length()) : field,
                    message(e));
            mapModel(model);
            form.remove("_csrf");
            model.addAttribute("form", form);
            model.addAttribute("errors", errors);
            attributesModel(model, form.get("categoryCode"), answers);
            return "feedback/new";
        }
    }

    private static Double number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(s.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("lat", "feedback.error.outside-city");
        }
    }

    private String message(CityGovException e) {
        return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), LocaleContextHolder.getLocale());
    }

    @GetMapping("/feedback/{code:PA-[A-Za-z0-9-]+}")
    String report(@PathVariable String code, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        var report = feedback.publicView(code, locale);
        model.addAttribute("report", report);
        String token = (String) model.asMap().get("token");
        model.addAttribute("rateable", feedback.rateable(report.code(), token)
                || (("answered".equals(report.state()) || "closed".equals(report.state())) && report.rating() == null));
        model.addAttribute("statistics", feedback.statistics(report.adminUnitCode()));
        return "feedback/report";
    }

    @PostMapping("/feedback/{code:PA-[A-Za-z0-9-]+}/rate")
    String rate(@PathVariable String code, @RequestParam(required = false) Integer score,
            @RequestParam(required = false) String token, RedirectAttributes redirect) {
        try {
            feedback.rate(code, score, token, LocaleContextHolder.getLocale());
            return "redirect:/feedback/" + code + "?rated";
        } catch (CityGovException e) {
            redirect.addFlashAttribute("rateError", message(e));
            return "redirect:/feedback/" + code;
        }
    }

    @PostMapping("/feedback/{code:PA-[A-Za-z0-9-]+}/follow")
    String follow(@PathVariable String code, @RequestParam(required = false) String email,
            RedirectAttributes redirect) {
        try {
            feedback.follow(code, email);
            return "redirect:/feedback/" + code + "?following";
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("followError", message(e));
            return "redirect:/feedback/" + code;
        }
    }

    @GetMapping("/feedback/statistics")
    String statistics(Model model) {
        model.addAttribute("statistics", feedback.statistics(null));
        return "feedback/statistics";
    }

    @GetMapping("/feedback/work")
    String inbox(@RequestParam(required = false) String state, @RequestParam(required = false) String handlingPoint,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", feedback.inbox(state, handlingPoint, Boolean.TRUE.equals(overdue),
                PageQuery.of(page, 20)));
        model.addAttribute("state", state);
        model.addAttribute("states", FeedbackService.STATES);
        model.addAttribute("points", feedback.myHandlingPoints());
        model.addAttribute("handlingPoint", handlingPoint);
        return "feedback/work";
    }

    @GetMapping("/feedback/work/{code:PA-[A-Za-z0-9-]+}")
    String work(@PathVariable String code, Model model) {
        model.addAttribute("report", feedback.get(code, LocaleContextHolder.getLocale()));
        return "feedback/handle";
    }

    @PostMapping("/feedback/work/{code:PA-[A-Za-z0-9-]+}")
    String act(@PathVariable String code, @RequestParam String action, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String handlingPoint, @RequestParam(required = false) String mergeInto,
            @RequestParam(required = false) String text, RedirectAttributes redirect) {
        try {
            feedback.act(code, new ReportAction(action, version, handlingPoint, mergeInto, text),
                    LocaleContextHolder.getLocale());
            redirect.addFlashAttribute("done", action);
        } catch (InvalidInputException | vn.citygov.platform.error.ConflictException e) {
            redirect.addFlashAttribute("actionError", message(e));
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("actionError", messages.getMessage("feedback.error.stale-version", null,
                    LocaleContextHolder.getLocale()));
        }
        return "redirect:/feedback/work/" + code;
    }

    @GetMapping("/feedback/monitoring")
    String monitoring(@RequestParam(required = false) String agency, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model) {
        model.addAttribute("agency", agency);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        try {
            model.addAttribute("dashboard", feedback.dashboard(agency, from, to));
        } catch (InvalidInputException e) {
            // a mistyped month: the figures of every month, with the reason beside the filter
            model.addAttribute("filterError", message(e));
            model.addAttribute("dashboard", feedback.dashboard(agency));
        }
        return "feedback/monitoring";
    }

    /** Unknown reports, refusals and bad filters get the site's error page with the right status. */
    @org.springframework.web.bind.annotation.ExceptionHandler(CityGovException.class)
    void failed(CityGovException ex, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        response.sendError(ex.status().value());
    }

    @GetMapping("/feedback/monitoring.{format:csv|xlsx}")
    ResponseEntity<byte[]> monitoringExport(@PathVariable String format, @RequestParam(required = false) String agency,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return export.download(feedback.dashboard(agency, from, to), format);
    }
}
