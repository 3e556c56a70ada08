package vn.citygov.payments;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A payment of a fee. The amount was computed by {@link FeeService} when it started, never taken from the
 * payer, and is kept with the rule and reason that decided it so the receipt can say why.
 *
 * @param reference what is paid for, e.g. a dossier id; opaque to this module
 * @param redirectUrl where the payer goes to pay at the provider
 * @param receiptNumber set once paid
 */
public record Payment(UUID id, long payerId, String reference, String procedureCode, String channel, long amountVnd,
        Long feeRuleId, String feeReason, String feeReasonEn, PaymentStatus status, String provider,
        String redirectUrl, String transactionId, String receiptNumber, OffsetDateTime createdAt,
        OffsetDateTime paidAt, OffsetDateTime closedAt, int version) {
}
