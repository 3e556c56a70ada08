package vn.citygov.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;

/** Puts what the shared layout needs into every page's model: the user, the menu, the language. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

    private final List<NavigationItem> items;

    LayoutModelAdvice(ObjectProvider<NavigationItem> items) {
        this.items = items.orderedStream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
    }

    @ModelAttribute("currentUser")
    CityGovUser currentUser() {
        return CurrentUser.get().orElse(null);
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation() {
        Optional<CityGovUser> user = CurrentUser.get();
        return items.stream()
                .filter(item -> !item.signedIn() || user.isPresent())
                .filter(item -> item.permission() == null || user.map(u -> u.can(item.permission())).orElse(false))
                .toList();
    }

    @ModelAttribute("lang")
    String language() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
