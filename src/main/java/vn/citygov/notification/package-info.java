/**
 * Notifications: e-mail over SMTP when configured; every message is also kept, so administrators can
 * read what would have been sent on an installation without SMTP. In-app messages for signed-in users
 * ({@link vn.citygov.notification.NotificationService}), which business modules call; this module never
 * knows them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification", allowedDependencies = "platform")
package vn.citygov.notification;
