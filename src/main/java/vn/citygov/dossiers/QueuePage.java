package vn.citygov.dossiers;

import java.util.List;
import java.util.Map;

/**
 * A page of the work queue with its badge counts. Counting stops just past {@link #COUNT_CAP}: beyond it a badge
 * reads "1000+", and counting further would only cost time. Totals and badges are shared for a few seconds
 * (per official and filter), so they may trail the rows by that much.
 *
 * @param total the number of dossiers the filters match, at most {@link #COUNT_CAP} ({@code totalCapped}: more)
 * @param page the page number when paged by {@code page}; 0 when paged by cursor
 * @param counts badge counts in the queue's scope: {@code mine}, {@code dueSoon}, {@code overdue} and one per open
 *     state; a value of {@code COUNT_CAP + 1} means "more than COUNT_CAP"
 * @param next cursor of the following page ({@code after=}), null on the last page
 * @param previous cursor of the preceding page ({@code before=}), null on the first page
 */
public record QueuePage(List<QueueItem> items, long total, boolean totalCapped, int page, int size,
        Map<String, Long> counts, String next, String previous) {

    public static final int COUNT_CAP = 1000;
}
