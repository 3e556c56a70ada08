package vn.citygov.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.citygov.identity.AccountService;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;

/** The signed-in user's own page: who they are, their roles, and changing the password. */
@Controller
class AccountController {

    private final AccountService accounts;
    private final org.springframework.context.MessageSource messages;

    AccountController(AccountService accounts, org.springframework.context.MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/account")
    String account(Model model) {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        model.addAttribute("roles", accounts.rolesOf(user.id()));
        return "identity/account";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
            @RequestParam String confirmPassword, Model model, RedirectAttributes redirect,
            java.util.Locale locale) {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw new InvalidInputException("confirmPassword", "identity.password.mismatch");
            }
            accounts.changePassword(user.id(), currentPassword, newPassword);
        } catch (InvalidInputException invalid) {
            model.addAttribute("roles", accounts.rolesOf(user.id()));
            model.addAttribute("errorField", invalid.field());
            model.addAttribute("errorMessage", messages.getMessage(invalid.messageKey(), invalid.arguments(), locale));
            return "identity/account";
        }
        redirect.addFlashAttribute("passwordChanged", true);
        return "redirect:/account";
    }
}
