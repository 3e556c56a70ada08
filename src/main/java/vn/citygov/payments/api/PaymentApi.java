package vn.citygov.payments.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.citygov.payments.GatewayCallback;
import vn.citygov.payments.Payment;
import vn.citygov.payments.PaymentRequest;
import vn.citygov.payments.PaymentService;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;

/** Paying fees: start, the gateway's signed callback, reading one's payments, refunds. */
@RestController
@Tag(name = "Payments", description = "Fee payments through a provider (the sandbox gateway): redirect, signed callback, receipt, refund")
class PaymentApi {

    private static final String PROBLEM = FeeApi.PROBLEM;

    private final PaymentService payments;

    PaymentApi(PaymentService payments) {
        this.payments = payments;
    }

    @PostMapping("/api/v1/payments")
    @Operation(summary = "Start a payment",
            description = "The amount is the fee in force today for the procedure and channel, decided by the server; "
                    + "an amount in the body is ignored. Answers a pending payment whose redirectUrl is the provider's "
                    + "payment page. Honours Idempotency-Key. Needs a logged-in person.")
    @ApiResponse(responseCode = "201", description = "Started; Location names the payment")
    @ApiResponse(responseCode = "409", description = "Nothing to pay: the fee in force is 0",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<PaymentView> start(@RequestBody PaymentRequest body) {
        Payment started = payments.start(body);
        return ResponseEntity.created(URI.create("/api/v1/payments/" + started.id())).body(PaymentView.of(started));
    }

    @PostMapping("/api/v1/payments/callback")
    @Operation(summary = "The gateway's signed callback",
            description = "Sent by the payment provider, not by people: HMAC-SHA256 over the canonical form of "
                    + "paymentId, outcome, amountVnd, transactionId and issuedAt. Acted on once, and only for a pending "
                    + "payment. Refusals are logged and kept in the audit trail.")
    @ApiResponse(responseCode = "200", description = "The payment, now paid (with its receipt number) or cancelled")
    @ApiResponse(responseCode = "400", description = "Bad signature or malformed callback",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Replayed, out of order, or not matching the payment",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    PaymentView callback(@RequestBody GatewayCallback body) {
        return PaymentView.of(payments.settle(body));
    }

    @GetMapping("/api/v1/payments/{id}")
    @Operation(summary = "One payment", description = "For its payer or a holder of payments.manage; 404 for anyone else.")
    @ApiResponse(responseCode = "200", description = "The payment")
    @ApiResponse(responseCode = "404", description = "No such payment, or not yours",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    PaymentView get(@PathVariable UUID id) {
        return PaymentView.of(payments.get(id));
    }

    @GetMapping("/api/v1/payments")
    @Operation(summary = "My payments", description = "The caller's own payments, newest first.")
    @ApiResponse(responseCode = "200", description = "A page of payments")
    PageResult<PaymentView> mine(
            @Parameter(description = "Only payments for this reference, e.g. a dossier id") @RequestParam(required = false) String reference,
            @Parameter(description = "Page number from 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size, 1 to 100") @RequestParam(required = false) Integer size) {
        return payments.mine(reference, PageQuery.of(page, size)).map(PaymentView::of);
    }

    @PostMapping("/api/v1/payments/{id}/refund")
    @PreAuthorize("hasAuthority('payments.manage')")
    @Operation(summary = "Refund a payment", description = "Needs payments.manage. Only a paid payment can be refunded.")
    @ApiResponse(responseCode = "200", description = "The payment, now refunded")
    @ApiResponse(responseCode = "404", description = "No such payment",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Not paid (pending, cancelled or already refunded)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    PaymentView refund(@PathVariable UUID id) {
        return PaymentView.of(payments.refund(id));
    }
}
