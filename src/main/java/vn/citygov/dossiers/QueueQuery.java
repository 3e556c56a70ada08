package vn.citygov.dossiers;

/**
 * Filters of the work queue; blank means "any".
 *
 * @param scope {@code agency} (default: dossiers held by the official's agencies) or {@code mine} (assigned to me)
 * @param state one state; by default the open ones
 * @param step the current step's code, e.g. {@code specialist}
 * @param due {@code soon} or {@code overdue}
 * @param q a dossier code, or part of the applicant's name
 * @param handlingPoint only dossiers this handling point (directory code) has now
 * @param sort {@code due} (default, earliest appointment first) or {@code submitted} (newest first)
 * @param page page number from 0 (offset paging, kept for older callers; stops at offset {@link WorkQueue#MAX_OFFSET})
 * @param after the {@code next} cursor of a page: the page that follows it (keyset paging, any depth)
 * @param before the {@code previous} cursor of a page: the page that precedes it
 */
public record QueueQuery(String scope, String agency, String state, String step, String procedure, String due,
        String channel, String q, String sort, Integer page, Integer size, String handlingPoint, String after,
        String before) {

    public QueueQuery(String scope, String agency, String state, String step, String procedure, String due,
            String channel, String q, String sort, Integer page, Integer size, String handlingPoint) {
        this(scope, agency, state, step, procedure, due, channel, q, sort, page, size, handlingPoint, null, null);
    }

    public QueueQuery(String scope, String agency, String state, String step, String procedure, String due,
            String channel, String q, String sort, Integer page, Integer size) {
        this(scope, agency, state, step, procedure, due, channel, q, sort, page, size, null);
    }

    public static QueueQuery mine() {
        return new QueueQuery("mine", null, null, null, null, null, null, null, null, null, null);
    }
}
