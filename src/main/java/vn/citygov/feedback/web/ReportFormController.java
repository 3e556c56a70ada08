package vn.citygov.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.citygov.feedback.CategoryAttribute;
import vn.citygov.feedback.CategoryAttributes;
import vn.citygov.feedback.CreatedReport;
import vn.citygov.feedback.FeedbackService;
import vn.citygov.feedback.NewReport;
import vn.citygov.feedback.TooManyReportsException;
import vn.citygov.files.FileRejectedException;
import vn.citygov.platform.error.InvalidInputException;

/**
 * The report form: a pin on the map or an address, the chosen category's extra fields, photos, and possible
 * duplicates suggested while typing. Any refusal shows the form again with the error beside its field and what
 * was typed.
 */
@Controller
class ReportFormController {

    private final FeedbackService feedback;
    private final FeedbackPages pages;

    ReportFormController(FeedbackService feedback, FeedbackPages pages) {
        this.feedback = feedback;
        this.pages = pages;
    }

    @GetMapping("/feedback/new")
    String form(@RequestParam(required = false) String categoryCode, Model model) {
        pages.mapModel(model);
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
            HttpServletResponse response, Model model, RedirectAttributes redirect) throws IOException {
        List<FeedbackService.Upload> uploads = uploads(photos);
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
        } catch (InvalidInputException | FileRejectedException | TooManyReportsException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            String field = e instanceof InvalidInputException invalid && invalid.field() != null ? invalid.field() : "photos";
            if (e instanceof TooManyReportsException) {
                field = "form";
                response.setStatus(429);
            }
            // An attribute's error points at its input.
            errors.put(field.startsWith("attributes.") ? "attr-" + field.substring("attributes.".length()) : field,
                    pages.message(e));
            pages.mapModel(model);
            form.remove("_csrf");
            model.addAttribute("form", form);
            model.addAttribute("errors", errors);
            attributesModel(model, form.get("categoryCode"), answers);
            return "feedback/new";
        }
    }

    /** The files chosen in a form's photo input, empty inputs left out. */
    static List<FeedbackService.Upload> uploads(List<MultipartFile> photos) throws IOException {
        List<FeedbackService.Upload> uploads = new ArrayList<>();
        if (photos != null) {
            for (MultipartFile p : photos) {
                if (!p.isEmpty()) {
                    uploads.add(new FeedbackService.Upload(p.getOriginalFilename(), p.getInputStream()));
                }
            }
        }
        return uploads;
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
}
