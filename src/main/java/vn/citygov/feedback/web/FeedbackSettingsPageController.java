package vn.citygov.feedback.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import vn.citygov.feedback.CategoryAttribute;
import vn.citygov.feedback.CategoryAttributes;
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
        CategorySettings c = settings.category(code);
        model.addAttribute("c", c);
        // The category's fields and one empty row to add a field.
        List<CategoryAttribute> rows = new ArrayList<>(c.attributes() == null ? List.of() : c.attributes());
        rows.add(new CategoryAttribute("", "string", true, false, null, "", "", null, null, null));
        model.addAttribute("attributeRows", rows);
        model.addAttribute("valuesText", rows.stream().map(r -> String.join("\n", r.valuesOrEmpty().stream()
                .map(v -> v.key() + " | " + v.nameVi() + " | " + v.nameEn()).toList())).toList());
        model.addAttribute("datatypes", CategoryAttribute.DATATYPES);
        return "feedback/settings-category";
    }

    /**
     * Saves the category's extra fields from the page: one group of inputs per field ({@code a<i>-code} …), a
     * removal box per field, an empty group to add one; list values one per line as {@code key | tên | name}.
     */
    @PostMapping("/feedback/settings/categories/{code}/attributes")
    String updateAttributes(@PathVariable String code, @RequestParam Map<String, String> form,
            @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return attempt(redirect, "/feedback/settings/categories/" + code, () -> {
            CategorySettings c = settings.category(code);
            settings.updateCategory(code, new CategorySettings(code, c.nameVi(), c.nameEn(), c.deadlineDays(),
                    c.deadlineHours(), c.isPublic(), c.active(), c.sortOrder(), version, attributes(form)));
        });
    }

    static List<CategoryAttribute> attributes(Map<String, String> form) {
        List<CategoryAttribute> out = new ArrayList<>();
        for (int i = 0; i <= CategoryAttributes.MAX_ATTRIBUTES; i++) {
            String p = "a" + i + "-";
            if (!form.containsKey(p + "code") || form.containsKey(p + "remove")) {
                continue;
            }
            String code = form.get(p + "code");
            String vi = form.get(p + "descriptionVi");
            if (blank(code) && blank(vi) && blank(form.get(p + "descriptionEn"))) {
                continue;
            }
            out.add(new CategoryAttribute(code, form.get(p + "datatype"), !form.containsKey(p + "informational"),
                    form.containsKey(p + "required"), integer(form.get(p + "order")), vi, form.get(p + "descriptionEn"),
                    form.get(p + "hintVi"), form.get(p + "hintEn"), values(form.get(p + "values"))));
        }
        return out;
    }

    private static List<CategoryAttribute.Value> values(String text) {
        if (blank(text)) {
            return null;
        }
        List<CategoryAttribute.Value> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", 3);
            out.add(new CategoryAttribute.Value(parts[0].strip(), parts.length > 1 ? parts[1].strip() : parts[0].strip(),
                    parts.length > 2 ? parts[2].strip() : null));
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Integer integer(String s) {
        try {
            return blank(s) ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
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
