package vn.citygov.notification.web;

import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.citygov.notification.MailService;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.web.NavigationItem;

/** Lets administrators read the e-mails CityGov sent or kept. */
@Controller
class MailPageController {

    static final String PERMISSION = "notification.mail.read";

    private final MailService mail;

    MailPageController(MailService mail) {
        this.mail = mail;
    }

    @GetMapping("/admin/mail")
    @PreAuthorize("hasAuthority('" + PERMISSION + "')")
    String list(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("mails", mail.kept(PageQuery.of(page, 20)));
        return "notification/mail";
    }

    @Bean
    static NavigationItem mailNavigation() {
        return NavigationItem.forPermission(90, "nav.mail", "/admin/mail", PERMISSION);
    }
}
