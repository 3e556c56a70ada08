package vn.citygov.feedback.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.citygov.feedback.FeedbackService;
import vn.citygov.feedback.ReportAction;
import vn.citygov.feedback.api.PhotoResponses;
import vn.citygov.files.FileRejectedException;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.error.ConflictException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.web.NavigationItem;

/**
 * The officials' pages: the inbox of their handling points' reports, and a report with its photos, the answer's
 * photos and the actions they may take (answering with photos in the same step).
 */
@Controller
class FeedbackWorkPageController {

    private final FeedbackService feedback;
    private final FeedbackPages pages;

    FeedbackWorkPageController(FeedbackService feedback, FeedbackPages pages) {
        this.feedback = feedback;
        this.pages = pages;
    }

    @Bean
    static NavigationItem feedbackWorkNavigation() {
        return NavigationItem.forPermission(35, "nav.feedback-work", "/feedback/work", FeedbackService.HANDLE);
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
            @RequestParam(required = false) String text,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos, RedirectAttributes redirect)
            throws IOException {
        try {
            feedback.actWithPhotos(code, new ReportAction(action, version, handlingPoint, mergeInto, text),
                    ReportFormController.uploads(photos), LocaleContextHolder.getLocale());
            redirect.addFlashAttribute("done", action);
        } catch (InvalidInputException | ConflictException | FileRejectedException e) {
            redirect.addFlashAttribute("actionError", pages.message(e));
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("actionError", pages.message("feedback.error.stale-version"));
        }
        return "redirect:/feedback/work/" + code;
    }

    /**
     * A photo of the report or its answer for the officials' page: the session's account decides, so photos of
     * reports that are not public show too (the API's photo address takes tokens, not the session).
     */
    @GetMapping("/feedback/work/{code:PA-[A-Za-z0-9-]+}/photos/{id}")
    ResponseEntity<InputStreamResource> photo(@PathVariable String code, @PathVariable UUID id) {
        return PhotoResponses.image(feedback.photo(code, id), "private, max-age=300");
    }
}
