package vn.citygov.identity.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.citygov.identity.AccountService;
import vn.citygov.identity.ApiKeyService;
import vn.citygov.identity.UserAdministrationService;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;
import vn.citygov.platform.text.TextFolding;

/** Administrators' pages for accounts and machine API keys. */
@Controller
class AdminController {

    private final AccountService accounts;
    private final UserAdministrationService administration;
    private final ApiKeyService keys;
    private final MessageSource messages;

    AdminController(AccountService accounts, UserAdministrationService administration, ApiKeyService keys,
            MessageSource messages) {
        this.accounts = accounts;
        this.administration = administration;
        this.keys = keys;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    @PreAuthorize("hasAuthority('identity.user.read')")
    String users(@RequestParam(required = false) String q, @RequestParam(required = false) String agency,
            @RequestParam(required = false) Integer page, Model model) {
        CityGovUser me = CurrentUser.get().orElseThrow();
        // Agency administrators land on their own agency's staff.
        String scope = agency;
        if (scope == null && !me.canCitywide("identity.user.read")) {
            scope = me.agencyCodes().stream().sorted().findFirst().orElse(null);
        }
        model.addAttribute("q", q);
        model.addAttribute("agency", scope);
        model.addAttribute("users", accounts.list(q, scope, PageQuery.of(page, 20)));
        model.addAttribute("canCreate", administration.canCreate());
        return "identity/users";
    }

    @GetMapping("/admin/api-keys")
    @PreAuthorize("hasAuthority('identity.apikey.manage')")
    String apiKeys(Model model) {
        model.addAttribute("keys", keys.list());
        model.addAttribute("scopes", ApiKeyService.GRANTABLE_SCOPES);
        return "identity/api-keys";
    }

    @PostMapping("/admin/api-keys")
    @PreAuthorize("hasAuthority('identity.apikey.manage')")
    String createKey(@RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) String[] scopes, @RequestParam(defaultValue = "") String agencyCode,
            Model model, RedirectAttributes redirect, Locale locale) {
        List<String> chosen = scopes == null ? List.of() : Arrays.asList(scopes);
        try {
            if (name.isBlank() || name.length() > 120) {
                throw new InvalidInputException("name", "identity.apikey.name-required");
            }
            if (chosen.isEmpty()) {
                throw new InvalidInputException("scopes", "identity.apikey.scope-required");
            }
            ApiKeyService.CreatedKey created = keys.create(TextFolding.nfc(name), chosen,
                    agencyCode.isBlank() ? null : agencyCode.strip());
            redirect.addFlashAttribute("createdSecret", created.secret());
            return "redirect:/admin/api-keys";
        } catch (InvalidInputException invalid) {
            model.addAttribute("errorField", invalid.field());
            model.addAttribute("errorMessage", messages.getMessage(invalid.messageKey(), invalid.arguments(), locale));
            return apiKeys(model);
        }
    }

    @PostMapping("/admin/api-keys/{id}/revoke")
    @PreAuthorize("hasAuthority('identity.apikey.manage')")
    String revokeKey(@PathVariable long id, RedirectAttributes redirect) {
        keys.revoke(id);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/admin/api-keys";
    }
}
