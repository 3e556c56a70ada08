package vn.citygov.dossiers;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.citygov.dossiers.internal.QueueRepository;
import vn.citygov.platform.error.InvalidInputException;

/**
 * A work-queue cursor: the sort it belongs to, the row's sort value (appointment or submission time in epoch
 * microseconds, "-" when the dossier has no appointment) and its id, e.g. {@code d.1763900000000000.4711}. Plain
 * text rather than an opaque token: it carries nothing the caller could not see in the row itself.
 */
record QueueCursor(boolean byDue, QueueRepository.Key key) {

    private static final Pattern FORMAT = Pattern.compile("^([ds])\\.(-|\\d{1,17})\\.(\\d{1,18})$");
    /** Timestamps PostgreSQL can hold without complaint; a cursor outside them is not one we issued. */
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    static String of(boolean byDue, QueueRepository.Row row) {
        Instant value = byDue ? row.dueAt() : row.submittedAt();
        String micros = value == null ? "-"
                : String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, value));
        return (byDue ? "d" : "s") + "." + micros + "." + row.id();
    }

    /** The cursor sent as {@code field}, or null when none; one of another sort or malformed is a 400. */
    static QueueCursor parse(String field, String text, boolean byDue) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches() || byDue != "d".equals(m.group(1)) || (!byDue && "-".equals(m.group(2)))) {
            throw new InvalidInputException(field, "dossiers.error.queue-cursor");
        }
        Instant value = "-".equals(m.group(2)) ? null : Instant.EPOCH.plus(Long.parseLong(m.group(2)), ChronoUnit.MICROS);
        if (value != null && value.isAfter(LATEST)) {
            throw new InvalidInputException(field, "dossiers.error.queue-cursor");
        }
        return new QueueCursor(byDue, new QueueRepository.Key(value, Long.parseLong(m.group(3))));
    }
}
