package vn.citygov.feedback.web;

import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.citygov.feedback.FeedbackService;
import vn.citygov.feedback.api.DashboardExport;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.web.NavigationItem;

/** The leaders' view: the figures of an agency or the city, and their CSV and XLSX exports. */
@Controller
class MonitoringPageController {

    private final FeedbackService feedback;
    private final FeedbackPages pages;
    private final DashboardExport export;

    MonitoringPageController(FeedbackService feedback, FeedbackPages pages, DashboardExport export) {
        this.feedback = feedback;
        this.pages = pages;
        this.export = export;
    }

    @Bean
    static NavigationItem feedbackMonitoringNavigation() {
        return NavigationItem.forPermission(36, "nav.feedback-monitoring", "/feedback/monitoring", FeedbackService.MONITOR);
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
            model.addAttribute("filterError", pages.message(e));
            model.addAttribute("dashboard", feedback.dashboard(agency));
        }
        return "feedback/monitoring";
    }

    @GetMapping("/feedback/monitoring.{format:csv|xlsx}")
    ResponseEntity<byte[]> monitoringExport(@PathVariable String format, @RequestParam(required = false) String agency,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return export.download(feedback.dashboard(agency, from, to), format);
    }
}
