package vn.citygov.feedback.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.citygov.feedback.CategorySettings;
import vn.citygov.feedback.FeedbackSettingsService;
import vn.citygov.feedback.RoutingRule;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.error.CityGovException;
import vn.citygov.platform.error.ConflictException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.web.NavigationItem;

/** Pages for coordinators: the categories and the routing rules, with forms to add and change them. */
@Controller
class FeedbackSettingsPageController {

    private final FeedbackSettingsService settings;
    private final MessageSource messages;

    FeedbackSettingsPageController(FeedbackSettingsService settings, MessageSource messages) {
        this.settings = settings;
        this.messages = messages;
    }

    @Bean
    static NavigationItem feedbackSettingsNavigation() {
        return NavigationItem.forPermission(37, "nav.feedback-settings", "/feedback/settings", "feedback.coordinate");
    }

    @GetMapping("/feedback/settings")
    String settings(@RequestParam(required = false) String category, @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute("categories", settings.categories());
        model.addAttribute("rules", settings.rules(category, null, null, PageQuery.of(page, 50)));
        model.addAttribute("category", category);
        return "feedback/settings";
    }

    @GetMapping("/feedback/settings/categories/{code}")
    String category(@PathVariable String code, Model model) {
        model.addAttribute("c", settings.category(code));
        return "feedback/settings-category";
    }

    @PostMapping("/feedback/settings/categories")
    String createCategory(@RequestParam(required = false) String code, @RequestParam(required = false) String nameVi,
            @RequestParam(required = false) String nameEn, @RequestParam(required = false) Integer deadlineDays,
            @RequestParam(required = false) Integer deadlineHours, @RequestParam(defaultValue = "false") boolean isPublic,
            @RequestParam(required = false) Integer sortOrder, RedirectAttributes redirect) {
        return attempt(redirect, "/feedback/settings", () -> settings.createCategory(new CategorySettings(code, nameVi,
                nameEn, deadlineDays, deadlineHours, isPublic, true, sortOrder, null)));
    }

    @PostMapping("/feedback/settings/categories/{code}")
    String updateCategory(@PathVariable String code, @RequestParam(required = false) String nameVi,
            @RequestParam(required = false) String nameEn, @RequestParam(required = false) Integer deadlineDays,
            @RequestParam(required = false) Integer deadlineHours, @RequestParam(defaultValue = "false") boolean isPublic,
            @RequestParam(defaultValue = "false") boolean active, @RequestParam(required = false) Integer sortOrder,
            @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return attempt(redirect, "/feedback/settings/categories/" + code, () -> settings.updateCategory(code,
                new CategorySettings(code, nameVi, nameEn, deadlineDays, deadlineHours, isPublic, active, sortOrder,
                        version)));
    }

    @PostMapping("/feedback/settings/rules")
    String createRule(@RequestParam(required = false) String categoryCode, @RequestParam(required = false) String adminUnitCode,
            @RequestParam(required = false) String handlingPointCode, RedirectAttributes redirect) {
        return attempt(redirect, "/feedback/settings", () -> settings.createRule(new RoutingRule(null, categoryCode,
                adminUnitCode, handlingPointCode, null, null)));
    }

    @PostMapping("/feedback/settings/rules/{id}")
    String updateRule(@PathVariable long id, @RequestParam(required = false) String handlingPointCode,
            @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return attempt(redirect, "/feedback/settings", () -> settings.updateRule(id, new RoutingRule(id, null, null,
                handlingPointCode, null, version)));
    }

    @PostMapping("/feedback/settings/rules/{id}/delete")
    String deleteRule(@PathVariable long id, RedirectAttributes redirect) {
        return attempt(redirect, "/feedback/settings", () -> settings.deleteRule(id));
    }

    /** Runs a change; bad input and conflicts come back to the page as a message, the rest as an error page. */
    private String attempt(RedirectAttributes redirect, String back, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("settingsError",
                    messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), LocaleContextHolder.getLocale()));
        }
        return "redirect:" + back;
    }

    @ExceptionHandler(CityGovException.class)
    void failed(CityGovException ex, HttpServletResponse response) throws IOException {
        response.sendError(ex.status().value());
    }
}
