package vn.citygov.payments;

import java.time.LocalDate;

/**
 * The fee in force for a procedure, a channel and a day, and why: the rule that decided it, or the
 * catalogue fee when no rule applies ({@code ruleId} null).
 */
public record Fee(String procedureCode, String channel, LocalDate date, long amountVnd, Long ruleId, String reason,
        String reasonEn) {
}
