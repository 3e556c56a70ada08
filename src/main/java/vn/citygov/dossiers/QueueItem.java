package vn.citygov.dossiers;

import java.time.Instant;

/**
 * A row of an official's work queue.
 *
 * @param workAgencyCode the agency holding the dossier now (the current step's, for inter-agency steps)
 * @param handlingPointCode the handling point (one-stop desk) of that agency, from the directory
 * @param stepCode the current workflow step (null before acceptance and after the last step)
 * @param assignee username of the official who claimed the current step (null: unclaimed)
 * @param dueSoon the appointment falls within the due-soon window and is not passed yet
 * @param stepOverdue the current step is past its own deadline ({@code stepDueAt}), whatever the appointment
 */
public record QueueItem(long id, String code, String procedureCode, String procedureName, String agencyCode,
        String workAgencyCode, String handlingPointCode, String state, String stepCode, String stepName, String assignee, String assigneeName,
        String applicantName, String channel, Instant submittedAt, Instant dueAt, Instant stepDueAt, boolean overdue,
        boolean dueSoon, boolean stepOverdue, int version) {
}
