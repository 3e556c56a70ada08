/**
 * Notifications: e-mail over SMTP when configured; every message is also kept, so administrators can
 * read what would have been sent on an installation without SMTP.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification", allowedDependencies = "platform")
package vn.citygov.notification;
