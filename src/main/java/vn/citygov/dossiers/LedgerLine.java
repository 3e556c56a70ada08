package vn.citygov.dossiers;

import java.time.Instant;

/**
 * One line of the tracking ledger (form 07).
 *
 * @param outcome {@code early}, {@code on_time}, {@code late} once finished with a result; {@code in_time} or
 *     {@code overdue} while open; {@code ended} when refused, withdrawn or stopped
 * @param extendedDue the new appointment set by form 04, if any
 */
public record LedgerLine(int number, long id, String code, String procedureCode, String procedureName,
        String applicantName, String channel, String state, Instant receivedAt, Instant dueAt, Instant extendedDue,
        Instant finishedAt, String outcome) {
}
