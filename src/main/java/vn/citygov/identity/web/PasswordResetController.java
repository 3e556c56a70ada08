package vn.citygov.identity.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.citygov.identity.AccountService;
import vn.citygov.platform.error.InvalidInputException;

/** "Forgot password": a link by e-mail, valid for 30 minutes and once. */
@Controller
class PasswordResetController {

    private final AccountService accounts;
    private final MessageSource messages;

    PasswordResetController(AccountService accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/password/forgot")
    String forgotForm() {
        return "identity/forgot";
    }

    @PostMapping("/password/forgot")
    String forgot(@RequestParam(defaultValue = "") String email, Model model, Locale locale) {
        accounts.requestReset(email, locale);
        model.addAttribute("sent", true);
        return "identity/forgot";
    }

    @GetMapping("/password/reset")
    String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("valid", accounts.resetTokenValid(token));
        return "identity/reset";
    }

    @PostMapping("/password/reset")
    String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmPassword, Model model, Locale locale) {
        model.addAttribute("token", token);
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw new InvalidInputException("confirmPassword", "identity.password.mismatch");
            }
            accounts.reset(token, newPassword);
        } catch (InvalidInputException invalid) {
            model.addAttribute("valid", accounts.resetTokenValid(token));
            model.addAttribute("errorField", invalid.field());
            model.addAttribute("errorMessage", messages.getMessage(invalid.messageKey(), invalid.arguments(), locale));
            return "identity/reset";
        }
        return "redirect:/login?reset";
    }
}
