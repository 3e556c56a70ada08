package vn.citygov.payments;

import java.time.LocalDate;

/** What an administrator sends to create or change a fee rule; {@code version} only when changing one. */
public record FeeRuleInput(String procedureCode, String channel, Long amountVnd, LocalDate validFrom,
        LocalDate validTo, String reason, String reasonEn, Integer version) {
}
