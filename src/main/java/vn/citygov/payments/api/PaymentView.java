package vn.citygov.payments.api;

import java.time.OffsetDateTime;
import java.util.UUID;
import vn.citygov.payments.Payment;

/** A payment as the API shows it; status in lowercase like every code of the API. */
record PaymentView(UUID id, String reference, String procedureCode, String channel, long amountVnd, Long feeRuleId,
        String feeReason, String feeReasonEn, String status, String provider, String redirectUrl,
        String receiptNumber, OffsetDateTime createdAt, OffsetDateTime paidAt, OffsetDateTime closedAt) {

    static PaymentView of(Payment p) {
        return new PaymentView(p.id(), p.reference(), p.procedureCode(), p.channel(), p.amountVnd(), p.feeRuleId(),
                p.feeReason(), p.feeReasonEn(), p.status().code(), p.provider(), p.redirectUrl(), p.receiptNumber(),
                p.createdAt(), p.paidAt(), p.closedAt());
    }
}
