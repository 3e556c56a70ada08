package vn.citygov.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.citygov.identity.NewAccount;
import vn.citygov.identity.RoleRequest;
import vn.citygov.identity.UserAdministrationService;
import vn.citygov.identity.UserView;
import vn.citygov.platform.error.CityGovException;
import vn.citygov.platform.error.ConflictException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;

/**
 * Pages for administering one staff account and opening new ones. The service decides who may do what;
 * these pages only hide what the visitor could not do anyway.
 */
@Controller
class UserAdminController {

    private static final List<String> ACCOUNT_FIELDS = List.of("username", "displayName", "email", "phone", "kind",
            "roleCode", "agencyCode");
    private static final List<String> ROLE_FIELDS = List.of("roleCode", "agencyCode");
    private static final List<String> KINDS = List.of("OFFICIAL", "AGENCY_ADMIN");

    private final UserAdministrationService administration;
    private final MessageSource messages;

    UserAdminController(UserAdministrationService administration, MessageSource messages) {
        this.administration = administration;
        this.messages = messages;
    }

    @GetMapping("/admin/users/new")
    @PreAuthorize("hasAuthority('identity.user.manage')")
    String newAccount(Model model) {
        NewAccount form = NewAccount.empty();
        // Agency administrators usually manage one agency: fill it in for them.
        List<String> own = administration.managedAgencies().stream().sorted().toList();
        if (!own.isEmpty()) {
            form = new NewAccount(null, null, null, null, "OFFICIAL", "OFFICIAL", own.getFirst());
        }
        return accountForm(form, FormErrors.none(), model);
    }

    @PostMapping("/admin/users/new")
    @PreAuthorize("hasAuthority('identity.user.manage')")
    String createAccount(@Valid @ModelAttribute("form") NewAccount form, BindingResult binding, Model model,
            RedirectAttributes redirect, Locale locale) {
        if (binding.hasErrors()) {
            return accountForm(form, FormErrors.of(binding, messages, locale, ACCOUNT_FIELDS), model);
        }
        try {
            UserView created = administration.create(form);
            redirect.addFlashAttribute("noticeKey", "identity.user.notice.created");
            redirect.addFlashAttribute("noticeArgument", created.email());
            return "redirect:/admin/users/" + created.id();
        } catch (InvalidInputException invalid) {
            return accountForm(form, single(invalid.field(), invalid, locale), model);
        } catch (ConflictException taken) {
            return accountForm(form, single("username", taken, locale), model);
        } catch (DuplicateKeyException race) {
            // Someone took the username between the check and the insert.
            FormErrors errors = FormErrors.none();
            errors.add("username", messages.getMessage("identity.user.username-taken", new Object[] {form.username()}, locale));
            return accountForm(form, errors, model);
        }
    }

    @GetMapping("/admin/users/{id}")
    @PreAuthorize("hasAuthority('identity.user.read')")
    String user(@PathVariable long id, Model model) {
        return userPage(administration.get(id), new RoleRequest("OFFICIAL", null), FormErrors.none(), model);
    }

    @PostMapping("/admin/users/{id}/roles")
    @PreAuthorize("hasAuthority('identity.user.manage')")
    String addRole(@PathVariable long id, @Valid @ModelAttribute("roleForm") RoleRequest roleForm, BindingResult binding,
            Model model, RedirectAttributes redirect, Locale locale) {
        UserView user = administration.get(id);
        if (binding.hasErrors()) {
            return userPage(user, roleForm, FormErrors.of(binding, messages, locale, ROLE_FIELDS), model);
        }
        try {
            administration.addRole(id, roleForm);
        } catch (InvalidInputException invalid) {
            return userPage(user, roleForm, single(invalid.field(), invalid, locale), model);
        } catch (ConflictException held) {
            return userPage(user, roleForm, single("roleCode", held, locale), model);
        }
        return done(id, "identity.user.notice.role-assigned", redirect);
    }

    @PostMapping("/admin/users/{id}/roles/{roleId}/remove")
    @PreAuthorize("hasAuthority('identity.user.manage')")
    String removeRole(@PathVariable long id, @PathVariable long roleId, RedirectAttributes redirect) {
        administration.removeRole(id, roleId);
        return done(id, "identity.user.notice.role-removed", redirect);
    }

    @PostMapping("/admin/users/{id}/disable")
    @PreAuthorize("hasAuthority('identity.user.manage')")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        administration.disable(id);
        return done(id, "identity.user.notice.disabled", redirect);
    }

    @PostMapping("/admin/users/{id}/enable")
    @PreAuthorize("hasAuthority('identity.user.manage')")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        administration.enable(id);
        return done(id, "identity.user.notice.enabled", redirect);
    }

    @PostMapping("/admin/users/{id}/unlock")
    @PreAuthorize("hasAuthority('identity.user.manage')")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        administration.unlock(id);
        return done(id, "identity.user.notice.unlocked", redirect);
    }

    /** Refusals and unknown accounts get the site's error page with the right status. */
    @ExceptionHandler(CityGovException.class)
    void failed(CityGovException ex, HttpServletResponse response) throws IOException {
        response.sendError(ex.status().value());
    }

    private String done(long id, String noticeKey, RedirectAttributes redirect) {
        redirect.addFlashAttribute("noticeKey", noticeKey);
        return "redirect:/admin/users/" + id;
    }

    private String accountForm(NewAccount form, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", administration.managedAgencies().isEmpty() ? KINDS : List.of("OFFICIAL"));
        model.addAttribute("roles", administration.grantableRoles());
        return "identity/user-new";
    }

    private String userPage(UserView user, RoleRequest roleForm, FormErrors errors, Model model) {
        model.addAttribute("user", user);
        // Nobody disables their own account; the service refuses it, so do not offer it.
        model.addAttribute("self", CurrentUser.get()
                .map(me -> me.kind() != CityGovUser.UserKind.MACHINE && me.id() == user.id()).orElse(false));
        model.addAttribute("roleForm", roleForm);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", user.manageable() ? administration.grantableRoles() : List.of());
        return "identity/user";
    }

    private FormErrors single(String field, CityGovException ex, Locale locale) {
        FormErrors errors = FormErrors.none();
        errors.add(field == null ? "username" : field, messages.getMessage(ex.messageKey(), ex.arguments(), locale));
        return errors;
    }
}
