package vn.citygov.directory.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.citygov.directory.AdminUnitService;
import vn.citygov.directory.Agency;
import vn.citygov.directory.AgencyChanges;
import vn.citygov.directory.AgencyService;
import vn.citygov.directory.HandlingPoint;
import vn.citygov.directory.HandlingPointChanges;
import vn.citygov.directory.HandlingPointService;
import vn.citygov.directory.NewHandlingPoint;
import vn.citygov.platform.error.CityGovException;
import vn.citygov.platform.error.ConflictException;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.error.NotFoundException;

/**
 * Edit forms for agency and city administrators. The pages need a login (not public paths); the
 * services check that the user may change this very agency.
 */
@Controller
class DirectoryEditController {

    private static final List<String> AGENCY_FIELDS = List.of("name", "nameEn", "kind", "parentCode", "adminUnitCode",
            "address", "phone", "email", "website", "version");
    private static final List<String> POINT_FIELDS = List.of("code", "name", "nameEn", "address", "adminUnitCode",
            "phone", "email", "workKinds", "active", "version");

    private final AgencyService agencies;
    private final HandlingPointService points;
    private final AdminUnitService units;
    private final MessageSource messages;

    DirectoryEditController(AgencyService agencies, HandlingPointService points, AdminUnitService units,
            MessageSource messages) {
        this.agencies = agencies;
        this.points = points;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping("/directory/agencies/{code}/edit")
    String editAgency(@PathVariable String code, Model model) {
        Agency agency = agencies.get(code);
        requireEdit(agencies.canEdit(code));
        return agencyForm(agency, AgencyChanges.of(agency), FormErrors.none(), false, model);
    }

    @PostMapping("/directory/agencies/{code}/edit")
    String saveAgency(@PathVariable String code, @Valid @ModelAttribute("form") AgencyChanges form, BindingResult binding,
            Model model) {
        Agency agency = agencies.get(code);
        requireEdit(agencies.canEdit(code));
        if (binding.hasErrors()) {
            return agencyForm(agency, form, FormErrors.of(binding, messages, AGENCY_FIELDS), false, model);
        }
        try {
            agencies.update(code, form);
            return "redirect:/directory/agencies/" + code + "?saved";
        } catch (OptimisticLockingFailureException stale) {
            // Show what is stored now; the visitor re-applies their change knowingly.
            Agency current = agencies.get(code);
            return agencyForm(current, AgencyChanges.of(current), FormErrors.none(), true, model);
        } catch (InvalidInputException invalid) {
            FormErrors errors = FormErrors.none();
            errors.add(invalid.field(), message(invalid));
            return agencyForm(agency, form, errors, false, model);
        }
    }

    @GetMapping("/directory/agencies/{code}/merge")
    String mergeForm(@PathVariable String code, Model model) {
        Agency agency = agencies.get(code);
        requireEdit(agency.active() && agencies.canCreate());
        return mergeForm(agency, null, FormErrors.none(), model);
    }

    @PostMapping("/directory/agencies/{code}/merge")
    String merge(@PathVariable String code, @RequestParam(required = false) String into, Model model) {
        Agency agency = agencies.get(code);
        requireEdit(agency.active() && agencies.canCreate());
        FormErrors errors = FormErrors.none();
        try {
            agencies.merge(code, into == null || into.isBlank() ? null : into.strip());
            return "redirect:/directory/agencies/" + code + "?merged";
        } catch (InvalidInputException | ConflictException | NotFoundException refused) {
            // The source exists (checked above), so any of these is about the chosen target.
            errors.add("into", message(refused));
        }
        return mergeForm(agency, into, errors, model);
    }

    @GetMapping("/directory/agencies/{code}/handling-points/new")
    String newPoint(@PathVariable String code, Model model) {
        Agency agency = agencies.get(code);
        requireEdit(agency.active() && points.canEdit(code));
        NewHandlingPoint form = new NewHandlingPoint(null, code, null, null, null, agency.adminUnitCode(), null, null,
                List.of("dossier"));
        return newPointForm(agency, form, FormErrors.none(), model);
    }

    @PostMapping("/directory/agencies/{code}/handling-points/new")
    String createPoint(@PathVariable String code, @Valid @ModelAttribute("form") NewHandlingPoint form,
            BindingResult binding, Model model) {
        Agency agency = agencies.get(code);
        requireEdit(agency.active() && points.canEdit(code));
        if (!code.equals(form.agencyCode())) {
            throw new ForbiddenException();
        }
        if (binding.hasErrors()) {
            return newPointForm(agency, form, FormErrors.of(binding, messages, POINT_FIELDS), model);
        }
        try {
            HandlingPoint created = points.create(form);
            return "redirect:/directory/handling-points/" + created.code() + "?saved";
        } catch (InvalidInputException invalid) {
            FormErrors errors = FormErrors.none();
            errors.add(invalid.field(), message(invalid));
            return newPointForm(agency, form, errors, model);
        } catch (ConflictException duplicate) {
            FormErrors errors = FormErrors.none();
            errors.add("code", message(duplicate));
            return newPointForm(agency, form, errors, model);
        }
    }

    @GetMapping("/directory/handling-points/{code}/edit")
    String editPoint(@PathVariable String code, Model model) {
        HandlingPoint point = points.get(code);
        requireEdit(points.canEdit(point.agencyCode()));
        return pointForm(point, HandlingPointChanges.of(point), FormErrors.none(), false, model);
    }

    @PostMapping("/directory/handling-points/{code}/edit")
    String savePoint(@PathVariable String code, @Valid @ModelAttribute("form") HandlingPointChanges form,
            BindingResult binding, Model model) {
        HandlingPoint point = points.get(code);
        requireEdit(points.canEdit(point.agencyCode()));
        if (binding.hasErrors()) {
            return pointForm(point, form, FormErrors.of(binding, messages, POINT_FIELDS), false, model);
        }
        try {
            points.update(code, form);
            return "redirect:/directory/handling-points/" + code + "?saved";
        } catch (OptimisticLockingFailureException stale) {
            HandlingPoint current = points.get(code);
            return pointForm(current, HandlingPointChanges.of(current), FormErrors.none(), true, model);
        } catch (InvalidInputException invalid) {
            FormErrors errors = FormErrors.none();
            errors.add(invalid.field(), message(invalid));
            return pointForm(point, form, errors, false, model);
        }
    }

    @ExceptionHandler(CityGovException.class)
    void failed(CityGovException ex, HttpServletResponse response) throws IOException {
        response.sendError(ex.status().value());
    }

    private String agencyForm(Agency agency, AgencyChanges form, FormErrors errors, boolean stale, Model model) {
        model.addAttribute("agency", agency);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("stale", stale);
        // Only city administrators move an agency in the hierarchy; others see these fields read-only.
        model.addAttribute("canRestructure", agencies.canCreate());
        model.addAttribute("kinds", Agency.KINDS);
        model.addAttribute("parents", agencies.allActive().stream().filter(a -> !a.code().equals(agency.code())).toList());
        model.addAttribute("units", units.all());
        return "directory/agency-edit";
    }

    private String mergeForm(Agency agency, String into, FormErrors errors, Model model) {
        model.addAttribute("agency", agency);
        model.addAttribute("into", into);
        model.addAttribute("errors", errors);
        model.addAttribute("targets", agencies.allActive().stream().filter(a -> !a.code().equals(agency.code())).toList());
        return "directory/agency-merge";
    }

    private String newPointForm(Agency agency, NewHandlingPoint form, FormErrors errors, Model model) {
        model.addAttribute("agency", agency);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("stale", false);
        model.addAttribute("creating", true);
        model.addAttribute("workKinds", HandlingPoint.WORK_KINDS);
        model.addAttribute("units", units.all());
        return "directory/handling-point-edit";
    }

    private String pointForm(HandlingPoint point, HandlingPointChanges form, FormErrors errors, boolean stale,
            Model model) {
        model.addAttribute("point", point);
        model.addAttribute("agency", agencies.get(point.agencyCode()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("stale", stale);
        model.addAttribute("creating", false);
        model.addAttribute("workKinds", HandlingPoint.WORK_KINDS);
        model.addAttribute("units", units.all());
        return "directory/handling-point-edit";
    }

    private static void requireEdit(boolean allowed) {
        if (!allowed) {
            throw new ForbiddenException();
        }
    }

    private String message(CityGovException ex) {
        return messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), LocaleContextHolder.getLocale());
    }
}
