package vn.citygov.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;

/**
 * Puts what the shared layout needs into the model of every rendered page: the user, the menu, the
 * language. An interceptor rather than a controller advice, so JSON endpoints pay nothing for it.
 */
@Component
class LayoutModel implements HandlerInterceptor {

    private final List<NavigationItem> items;
    private final ObjectProvider<HeaderBadges> badges;

    LayoutModel(ObjectProvider<NavigationItem> items, ObjectProvider<HeaderBadges> badges) {
        this.items = items.orderedStream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
        this.badges = badges;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (page == null || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
            return;
        }
        Optional<CityGovUser> user = CurrentUser.get();
        page.addObject("currentUser", user.orElse(null));
        page.addObject("navigation", items.stream()
                .filter(item -> !item.signedIn() || user.isPresent())
                .filter(item -> item.permission() == null || user.map(u -> u.can(item.permission())).orElse(false))
                .toList());
        page.addObject("lang", LocaleContextHolder.getLocale().getLanguage());
        page.addObject("currentPath", request.getRequestURI());
        // No badge without a signed-in user or a module that counts; the header then shows none.
        HeaderBadges counter = user.isPresent() ? badges.getIfAvailable() : null;
        page.addObject("unreadNotifications", counter == null ? 0L : counter.unreadNotifications(user.get().id()));
    }
}
