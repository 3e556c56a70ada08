package vn.citygov.feedback.web;

import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.citygov.feedback.FeedbackService;
import vn.citygov.feedback.FeedbackService.MapFilter;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.error.CityGovException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.web.NavigationItem;

/**
 * The public side: the map and list of reports, a report's public page with rating and following, and the
 * statistics per unit. The report form, the officials' pages and the leaders' view have controllers of their own.
 */
@Controller
class FeedbackPageController {

    private final FeedbackService feedback;
    private final FeedbackPages pages;

    FeedbackPageController(FeedbackService feedback, FeedbackPages pages) {
        this.feedback = feedback;
        this.pages = pages;
    }

    @Bean
    static NavigationItem feedbackNavigation() {
        return NavigationItem.open(50, "nav.feedback", "/feedback");
    }

    @GetMapping("/feedback")
    String publicMap(@RequestParam(required = false) String category, @RequestParam(required = false) String status,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page, Model model) {
        MapFilter filter = new MapFilter(category, status, unit, from, to);
        pages.mapModel(model);
        model.addAttribute("filter", filter);
        model.addAttribute("result", feedback.publicList(filter, PageQuery.of(page, 20)));
        return "feedback/map";
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
            redirect.addFlashAttribute("rateError", pages.message(e));
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
            redirect.addFlashAttribute("followError", pages.message(e));
            return "redirect:/feedback/" + code;
        }
    }

    @GetMapping("/feedback/statistics")
    String statistics(Model model) {
        model.addAttribute("statistics", feedback.statistics(null));
        return "feedback/statistics";
    }
}
