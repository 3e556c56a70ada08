package vn.citygov.payments;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.citygov.payments.internal.PaymentRepository;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;
import vn.citygov.platform.error.ConflictException;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;

/**
 * Payments as the current user may see and do them: a payer starts and reads their own payments, the
 * provider's signed callback settles them, holders of {@code payments.manage} read all and refund.
 * Others are told a payment does not exist.
 */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);
    private static final int MAX_REFERENCE = 100;

    private final PaymentRepository payments;
    private final FeeService fees;
    private final PaymentProvider provider;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate separate;

    PaymentService(PaymentRepository payments, FeeService fees, PaymentProvider provider,
            ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.payments = payments;
        this.fees = fees;
        this.provider = provider;
        this.events = events;
        this.clock = clock;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Starts a payment of the fee in force today for the procedure and channel; the payer is the current person. */
    @Transactional
    public Payment start(PaymentRequest request) {
        CityGovUser payer = CurrentUser.get().orElseThrow(ForbiddenException::new);
        if (payer.kind() == CityGovUser.UserKind.MACHINE) {
            // A payment needs a person who is redirected to the gateway and owns the receipt.
            throw new ForbiddenException();
        }
        if (request == null || request.reference() == null || request.reference().isBlank()) {
            throw new InvalidInputException("reference", "validation.required");
        }
        String reference = java.text.Normalizer.normalize(request.reference().strip(), java.text.Normalizer.Form.NFC);
        if (reference.length() > MAX_REFERENCE) {
            throw new InvalidInputException("reference", "validation.too-long");
        }
        if (request.procedureCode() == null || request.procedureCode().isBlank()) {
            throw new InvalidInputException("procedureCode", "validation.required");
        }
        Fee fee;
        try {
            fee = fees.feeFor(request.procedureCode().strip(), request.channel(), null);
        } catch (NotFoundException e) {
            throw new InvalidInputException("procedureCode", "payments.error.unknown-procedure");
        }
        if (fee.amountVnd() == 0) {
            throw new ConflictException("payments.error.nothing-to-pay");
        }
        UUID id = UUID.randomUUID();
        Payment draft = new Payment(id, payer.id(), reference, fee.procedureCode(), fee.channel(), fee.amountVnd(),
                fee.ruleId(), fee.reason(), fee.reasonEn(), PaymentStatus.PENDING, provider.name(), "", null, null,
                now(), null, null, 0);
        String redirect = provider.start(draft);
        payments.insert(new Payment(id, draft.payerId(), reference, draft.procedureCode(), draft.channel(),
                draft.amountVnd(), draft.feeRuleId(), draft.feeReason(), draft.feeReasonEn(), draft.status(),
                draft.provider(), redirect, null, null, draft.createdAt(), null, null, 0));
        Payment started = payments.find(id).orElseThrow();
        events.publishEvent(new PaymentStarted(started));
        return started;
    }

    /** The provider name of fees taken in cash at a one-stop desk. */
    public static final String DESK = "desk";

    /**
     * Records a fee taken at a one-stop desk: paid at once, with its receipt number, by the current official on
     * the payer's behalf. The module asking vouches that the official may take it (the dossiers module checks
     * the desk's agency); the amount is the counter fee in force on {@code feeDay} (the day of submission).
     */
    @Transactional
    public Payment recordAtDesk(PaymentRequest request, LocalDate feeDay) {
        CityGovUser official = CurrentUser.get().orElseThrow(ForbiddenException::new);
        if (official.kind() == CityGovUser.UserKind.MACHINE || request == null || request.reference() == null
                || request.procedureCode() == null) {
            throw new ForbiddenException();
        }
        Fee fee = fees.feeFor(request.procedureCode(), "counter", feeDay);
        if (fee.amountVnd() == 0) {
            throw new ConflictException("payments.error.nothing-to-pay");
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime at = now();
        payments.insert(new Payment(id, official.id(), request.reference(), fee.procedureCode(), "counter",
                fee.amountVnd(), fee.ruleId(), fee.reason(), fee.reasonEn(), PaymentStatus.PENDING, DESK, "", null,
                null, at, null, null, 0));
        payments.markPaid(id, null, receiptNumber(at), at);
        Payment paid = payments.find(id).orElseThrow();
        events.publishEvent(new PaymentConfirmed(paid));
        return paid;
    }

    /** The payment, if the current user paid it or manages payments; otherwise 404. */
    @Transactional(readOnly = true)
    public Payment get(UUID id) {
        Payment payment = payments.find(id).orElseThrow(() -> notFound(id));
        if (!mayRead(payment)) {
            throw notFound(id);
        }
        return payment;
    }

    /** The current user's own payments, newest first, optionally for one reference. */
    @Transactional(readOnly = true)
    public PageResult<Payment> mine(String reference, PageQuery page) {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        String ref = reference == null || reference.isBlank() ? null : reference.strip();
        long total = payments.countMine(user.id(), ref);
        List<Payment> items = total == 0 ? List.of() : payments.mine(user.id(), ref, page.size(), page.offset());
        return PageResult.of(items, total, page);
    }

    /**
     * Acts on a provider's callback: once, and only on a pending payment. Anything refused is logged and
     * recorded in the audit trail in a transaction of its own, since the refusal itself rolls back.
     */
    public Payment settle(GatewayCallback callback) {
        try {
            PaymentProvider.VerifiedCallback verified = provider.verify(callback);
            return separate.execute(status -> apply(verified));
        } catch (CallbackRefusedException e) {
            log.warn("Payment callback refused ({}): payment {}, transaction {}", e.code(),
                    callback == null ? null : callback.paymentId(), callback == null ? null : callback.transactionId());
            separate.executeWithoutResult(status -> events.publishEvent(new PaymentCallbackRejected(
                    callback == null ? null : callback.paymentId(), e.code(),
                    callback == null ? null : callback.outcome(), callback == null ? null : callback.transactionId())));
            throw e;
        }
    }

    private Payment apply(PaymentProvider.VerifiedCallback callback) {
        Payment payment = payments.findForUpdate(callback.paymentId()).orElseThrow(() -> notFound(callback.paymentId()));
        if (payments.callbackSeen(provider.name(), callback.transactionId())) {
            throw CallbackRefusedException.replayed();
        }
        if (payment.status() != PaymentStatus.PENDING) {
            throw CallbackRefusedException.outOfOrder();
        }
        if (callback.amountVnd() != payment.amountVnd()) {
            throw CallbackRefusedException.mismatch();
        }
        OffsetDateTime at = now();
        payments.recordCallback(provider.name(), callback.transactionId(), payment.id(), callback.outcome(), at);
        if ("paid".equals(callback.outcome())) {
            payments.markPaid(payment.id(), callback.transactionId(), receiptNumber(at), at);
            Payment paid = payments.find(payment.id()).orElseThrow();
            events.publishEvent(new PaymentConfirmed(paid));
            return paid;
        }
        payments.close(payment.id(), PaymentStatus.PENDING, PaymentStatus.CANCELLED, callback.transactionId(), at);
        Payment cancelled = payments.find(payment.id()).orElseThrow();
        events.publishEvent(new PaymentCancelled(cancelled));
        return cancelled;
    }

    /** Gives a paid fee back through the provider; only a paid payment can be refunded. */
    @Transactional
    public Payment refund(UUID id) {
        if (!CurrentUser.get().map(u -> u.canCitywide(FeeService.MANAGE)).orElse(false)) {
            throw new ForbiddenException();
        }
        return giveBack(id);
    }

    /**
     * Gives a paid fee back because the module that asked for the payment must by its own rules (a dossier
     * refused or withdrawn after it was paid). That module vouches for the rule; people use {@link #refund}.
     * Nothing happens to a payment that is not paid (still pending, cancelled or already refunded).
     */
    @Transactional
    public java.util.Optional<Payment> refundByRule(UUID id) {
        Payment payment = payments.findForUpdate(id).orElseThrow(() -> notFound(id));
        return payment.status() == PaymentStatus.PAID ? java.util.Optional.of(giveBack(id)) : java.util.Optional.empty();
    }

    private Payment giveBack(UUID id) {
        Payment payment = payments.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (payment.status() != PaymentStatus.PAID) {
            throw new ConflictException("payments.error.not-refundable");
        }
        String refundReference = provider.refund(payment);
        log.info("Payment {} refunded by {} as {}", id, provider.name(), refundReference);
        payments.close(id, PaymentStatus.PAID, PaymentStatus.REFUNDED, null, now());
        Payment refunded = payments.find(id).orElseThrow();
        events.publishEvent(new PaymentRefunded(refunded));
        return refunded;
    }

    private static boolean mayRead(Payment payment) {
        return CurrentUser.get().map(user -> user.canCitywide(FeeService.MANAGE)
                        || (user.kind() != CityGovUser.UserKind.MACHINE && user.id() == payment.payerId()))
                .orElse(false);
    }

    /** The next receipt number: BL-<year>-<n>, the year being the city's. */
    private String receiptNumber(OffsetDateTime at) {
        return "BL-" + FeeRules.cityDay(at.toInstant()).getYear() + "-" + String.format("%07d", payments.nextReceipt());
    }

    private OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("payment", id);
    }
}
