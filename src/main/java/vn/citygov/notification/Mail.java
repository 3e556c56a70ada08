package vn.citygov.notification;

/** A plain-text e-mail to one recipient. */
public record Mail(String to, String subject, String body) {
}
