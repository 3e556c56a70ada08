package vn.citygov.feedback.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.citygov.feedback.FeedbackMonitoring;
import vn.citygov.feedback.FeedbackMonitoring.AgencyChoice;
import vn.citygov.feedback.FeedbackService;
import vn.citygov.feedback.api.DashboardExport;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.web.NavigationItem;

/**
 * The leaders' view: the figures of an agency (picked from those the leader may follow) or the city, with names,
 * each figure leading to the reports behind it and each report to its page; and the CSV and XLSX exports.
 */
@Controller
class MonitoringPageController {

    private final FeedbackMonitoring monitoring;
    private final FeedbackPages pages;
    private final DashboardExport export;

    MonitoringPageController(FeedbackMonitoring monitoring, FeedbackPages pages, DashboardExport export) {
        this.monitoring = monitoring;
        this.pages = pages;
        this.export = export;
    }

    @Bean
    static NavigationItem feedbackMonitoringNavigation() {
        return NavigationItem.forPermission(36, "nav.feedback-monitoring", "/feedback/monitoring", FeedbackService.MONITOR);
    }

    /** The agency asked for; a leader of one agency who asks for none sees their own. */
    private String agency(String asked, List<AgencyChoice> choices) {
        if ((asked == null || asked.isBlank()) && !monitoring.citywide() && !choices.isEmpty()) {
            return choices.getFirst().code();
        }
        return asked == null || asked.isBlank() ? null : asked.strip();
    }

    private void pickerModel(Model model, String agency, List<AgencyChoice> choices, String from, String to) {
        model.addAttribute("agency", agency);
        model.addAttribute("agencyName", choices.stream().filter(c -> c.code().equals(agency)).map(AgencyChoice::name)
                .findFirst().orElse(agency));
        model.addAttribute("agencies", choices);
        model.addAttribute("citywide", monitoring.citywide());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
    }

    @GetMapping("/feedback/monitoring")
    String monitoring(@RequestParam(required = false) String agency, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        List<AgencyChoice> choices = monitoring.agencies(locale);
        String a = agency(agency, choices);
        pickerModel(model, a, choices, from, to);
        try {
            model.addAttribute("dashboard", monitoring.dashboard(a, from, to, locale));
        } catch (InvalidInputException e) {
            // a mistyped month: the figures of every month, with the reason beside the filter
            model.addAttribute("filterError", pages.message(e));
            model.addAttribute("dashboard", monitoring.dashboard(a, null, null, locale));
        }
        return "feedback/monitoring";
    }

    /** The reports behind a figure: a category, unit, month or holding agency, open or overdue ones. */
    @GetMapping("/feedback/monitoring/reports")
    String reports(@RequestParam(required = false) String agency, @RequestParam(required = false) String category,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String month,
            @RequestParam(required = false) String holder, @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Integer page,
            Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        List<AgencyChoice> choices = monitoring.agencies(locale);
        String a = agency(agency, choices);
        pickerModel(model, a, choices, null, null);
        FeedbackMonitoring.Drill drill = new FeedbackMonitoring.Drill(category, unit, month, holder,
                Boolean.TRUE.equals(open), Boolean.TRUE.equals(overdue));
        model.addAttribute("drill", drill);
        model.addAttribute("result", monitoring.reports(a, drill, PageQuery.of(page, 50), locale));
        return "feedback/monitoring-reports";
    }

    @GetMapping("/feedback/monitoring.{format:csv|xlsx}")
    ResponseEntity<byte[]> monitoringExport(@PathVariable String format, @RequestParam(required = false) String agency,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        String a = agency(agency, monitoring.agencies(LocaleContextHolder.getLocale()));
        return export.download(monitoring.dashboard(a, from, to, LocaleContextHolder.getLocale()), format);
    }
}
