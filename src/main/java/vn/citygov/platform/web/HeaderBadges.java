package vn.citygov.platform.web;

/**
 * A count the layout header shows to a signed-in user, such as unread notifications. Implemented by
 * the module that owns the count, so the platform needs to know none of them. Called on every page:
 * keep it one cheap indexed query.
 */
public interface HeaderBadges {

    long unreadNotifications(long userId);
}
