package vn.citygov.feedback;

/**
 * An official's action on a report. {@code action} is one of assign, transfer, decline, start, answer, close,
 * merge, hide; {@code handlingPoint} names the target of assign and transfer, {@code mergeInto} the report
 * that a duplicate is merged into, {@code text} the answer, or the reason of transfer, decline and hide.
 */
public record ReportAction(String action, Integer version, String handlingPoint, String mergeInto, String text) {
}
