package vn.citygov.notification.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.citygov.notification.NotificationService;
import vn.citygov.platform.api.PageQuery;

/** The signed-in user's notifications, unread first, with marking as read. */
@Controller
@PreAuthorize("isAuthenticated()")
class NotificationPageController {

    private final NotificationService notifications;

    NotificationPageController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String list(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("messages", notifications.mine(PageQuery.of(page, 20)));
        return "notification/notifications";
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable long id) {
        notifications.markRead(id);
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String readAll() {
        notifications.markAllRead();
        return "redirect:/notifications";
    }
}
