package vn.citygov.notification.web;

import org.springframework.stereotype.Component;
import vn.citygov.notification.NotificationService;
import vn.citygov.platform.web.HeaderBadges;

/** Gives the layout header its unread count without the platform knowing this module. */
@Component
class UnreadNotificationBadge implements HeaderBadges {

    private final NotificationService notifications;

    UnreadNotificationBadge(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public long unreadNotifications(long userId) {
        return notifications.unreadCount(userId);
    }
}
