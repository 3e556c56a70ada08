package vn.citygov.dossiers.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.dossiers.Dossier;
import vn.citygov.dossiers.DossierFacts;
import vn.citygov.dossiers.DossierFeePaid;
import vn.citygov.dossiers.DossierRefused;
import vn.citygov.dossiers.DossierService;
import vn.citygov.dossiers.DossierWithdrawn;
import vn.citygov.dossiers.Workflow;
import vn.citygov.payments.Payment;
import vn.citygov.payments.PaymentEvent;
import vn.citygov.payments.PaymentRequest;
import vn.citygov.payments.PaymentService;
import vn.citygov.platform.error.ConflictException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CurrentUser;

/**
 * Online payment of a dossier's fee through the payments module.
 *
 * <p>When: like the national public-service portal, the applicant pays right after filing, before the desk
 * checks the dossier — the dossier is filed (state {@code submitted}) and the payment starts at once, sending the
 * applicant to the gateway. The dossier shows "awaiting payment" until the gateway confirms; the desk sees it.
 * Filing first means a cancelled or failed payment loses nothing the citizen entered: they pay again from the
 * dossier. If the dossier is refused or withdrawn after payment, the fee is refunded.
 *
 * <p>Payments never learn about dossiers: a payment's reference is {@code dossier-<id>}, and this class keeps
 * its own projection (dossiers_payment) from the payments module's events, in the transaction that settles the
 * payment. A payment whose reference names someone else's dossier is ignored.
 */
@Service
@Transactional(readOnly = true)
public class DossierPayments {

    private static final Pattern REFERENCE = Pattern.compile("^dossier-([0-9]{1,18})$");

    private static final String UPSERT = """
            INSERT INTO dossiers_payment (payment_id, dossier_id, amount_vnd, status, receipt_number, redirect_url,
                created_at, paid_at, closed_at)
            VALUES (:paymentId, :dossierId, :amount, :status, :receipt, :redirect, :createdAt, :paidAt, :closedAt)
            ON CONFLICT (payment_id) DO UPDATE SET status = EXCLUDED.status, receipt_number = EXCLUDED.receipt_number,
                paid_at = EXCLUDED.paid_at, closed_at = EXCLUDED.closed_at
            """;

    private static final String OF_DOSSIER = """
            SELECT payment_id, amount_vnd, status, receipt_number, redirect_url, created_at, paid_at, closed_at
              FROM dossiers_payment WHERE dossier_id = :dossierId ORDER BY created_at DESC
            """;

    private static final String LOCK_DOSSIER = "SELECT id FROM dossiers_dossier WHERE id = :id FOR UPDATE";

    private final JdbcClient jdbc;
    private final PaymentService payments;
    private final DossierService dossiers;
    private final DossierRepository dossierRows;
    private final ApplicationEventPublisher events;

    DossierPayments(JdbcClient jdbc, PaymentService payments, DossierService dossiers, DossierRepository dossierRows,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.payments = payments;
        this.dossiers = dossiers;
        this.dossierRows = dossierRows;
    }

    public static String reference(long dossierId) {
        return "dossier-" + dossierId;
    }

    /** Starts the payment of a just-filed online dossier whose fee is above zero; null when nothing is due. */
    @Transactional
    public DossierPayment startIfDue(Dossier dossier) {
        if (!due(dossier)) {
            return null;
        }
        Payment started = payments.start(new PaymentRequest(reference(dossier.id()), dossier.procedureCode(),
                dossier.channel()));
        return find(dossier.id(), started.id());
    }

    /**
     * The applicant starts (again) the payment of their dossier: after a cancelled payment, or for a dossier
     * filed without one. 409 when nothing is due, it is paid or pending already, or the dossier is closed.
     */
    @Transactional
    public DossierPayment start(long dossierId) {
        Dossier d = dossiers.get(dossierId);
        // One payment at a time per dossier, even when the applicant clicks twice.
        jdbc.sql(LOCK_DOSSIER).param("id", dossierId).query(Long.class).optional();
        if (d.applicantId() == null || CurrentUser.get().map(u -> u.id() != d.applicantId()).orElse(true)) {
            throw new vn.citygov.platform.error.ForbiddenException();
        }
        if (!due(d) || Workflow.FINAL_STATES.contains(d.state())) {
            throw new ConflictException("dossiers.error.nothing-to-pay");
        }
        if (rows(dossierId).stream().anyMatch(p -> p.status().equals("pending") || p.status().equals("paid"))) {
            throw new ConflictException("dossiers.error.payment-open");
        }
        Payment started = payments.start(new PaymentRequest(reference(d.id()), d.procedureCode(), d.channel()));
        return find(dossierId, started.id());
    }

    /**
     * The desk records the fee of a counter dossier as paid in cash at the one-stop desk, which issues its receipt.
     * An official of the dossier's agency who receives dossiers; 409 when nothing is due, the dossier is closed or
     * filed online (paid through the gateway), or its fee is paid already.
     */
    @Transactional
    public DossierPayment takeAtDesk(long dossierId) {
        Dossier d = dossiers.get(dossierId);
        jdbc.sql(LOCK_DOSSIER).param("id", dossierId).query(Long.class).optional();
        if (!CurrentUser.get().map(u -> u.can(DossierService.RECEIVE, d.agencyCode())).orElse(false)) {
            throw new vn.citygov.platform.error.ForbiddenException();
        }
        if (!"counter".equals(d.channel()) || d.feeVnd() == null || d.feeVnd() <= 0
                || Workflow.FINAL_STATES.contains(d.state())) {
            throw new ConflictException("dossiers.error.nothing-to-pay");
        }
        if (rows(dossierId).stream().anyMatch(p -> p.status().equals("paid"))) {
            throw new ConflictException("dossiers.error.payment-open");
        }
        Payment paid = payments.recordAtDesk(new PaymentRequest(reference(d.id()), d.procedureCode(), "counter"),
                d.submittedAt().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate());
        return find(dossierId, paid.id());
    }

    /** The payments of a dossier, newest first, for whoever may see the dossier. */
    public List<DossierPayment> of(long dossierId) {
        return of(dossiers.get(dossierId));
    }

    /** The payments of a dossier already read through {@link DossierService#get}, which checked access. */
    public List<DossierPayment> of(Dossier dossier) {
        return rows(dossier.id());
    }

    /** Of a dossier's payments: "paid" once one is, else the latest one's status; null when there is none. */
    public static String status(List<DossierPayment> all) {
        if (all.stream().anyMatch(p -> p.status().equals("paid"))) {
            return "paid";
        }
        return all.isEmpty() ? null : all.getFirst().status();
    }

    private static boolean due(Dossier d) {
        return "online".equals(d.channel()) && d.feeVnd() != null && d.feeVnd() > 0;
    }

    private List<DossierPayment> rows(long dossierId) {
        return jdbc.sql(OF_DOSSIER).param("dossierId", dossierId).query(DossierPayments::row).list();
    }

    private DossierPayment find(long dossierId, UUID paymentId) {
        return rows(dossierId).stream().filter(p -> p.paymentId().equals(paymentId)).findFirst()
                .orElseThrow(() -> new NotFoundException("payment", paymentId));
    }

    /** Keeps the projection in step with every payment event about one of our dossiers, in the same transaction. */
    @EventListener
    void on(PaymentEvent event) {
        Payment p = event.payment();
        Matcher m = REFERENCE.matcher(p.reference());
        if (!m.matches()) {
            return;
        }
        long dossierId = Long.parseLong(m.group(1));
        Optional<DossierRow> dossier = dossierRows.find(dossierId);
        // Online: only the applicant's own payment. At the desk: only one recorded through takeAtDesk, which
        // checked the official; the payments module creates desk payments for no one else.
        boolean desk = PaymentService.DESK.equals(p.provider()) && dossier.isPresent()
                && "counter".equals(dossier.get().channel());
        if (dossier.isEmpty() || (!desk && (dossier.get().applicantId() == null
                || dossier.get().applicantId() != p.payerId()))) {
            return;
        }
        boolean newlyPaid = "paid".equals(p.status().code()) && rows(dossierId).stream()
                .noneMatch(r -> r.paymentId().equals(p.id()) && r.status().equals("paid"));
        jdbc.sql(UPSERT).param("paymentId", p.id()).param("dossierId", dossierId).param("amount", p.amountVnd())
                .param("status", p.status().code()).param("receipt", p.receiptNumber())
                .param("redirect", p.redirectUrl()).param("createdAt", p.createdAt()).param("paidAt", p.paidAt())
                .param("closedAt", p.closedAt()).update();
        if (newlyPaid) {
            DossierRow d = dossier.get();
            Instant at = p.paidAt() == null ? Instant.now() : p.paidAt().toInstant();
            events.publishEvent(new DossierFeePaid(dossierId, d.code(), d.procedureCode(), d.agencyCode(),
                    p.amountVnd(), p.receiptNumber(), !desk, new DossierFacts(UUID.randomUUID(), at, d.adminUnitCode(),
                            d.channel(), d.receivedAt(), d.dueAt(), d.finishedAt(), d.feeVnd())));
        }
    }

    /** A dossier refused or withdrawn after its fee was paid gets the fee back. */
    @EventListener
    void on(DossierRefused event) {
        refundPaid(event.dossierId());
    }

    @EventListener
    void on(DossierWithdrawn event) {
        refundPaid(event.dossierId());
    }

    private void refundPaid(long dossierId) {
        rows(dossierId).stream().filter(p -> p.status().equals("paid"))
                .forEach(p -> payments.refundByRule(p.paymentId()));
    }

    private static DossierPayment row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new DossierPayment(rs.getObject("payment_id", UUID.class), rs.getLong("amount_vnd"),
                rs.getString("status"), rs.getString("receipt_number"), rs.getString("redirect_url"),
                SubmissionRepository.instant(rs, "created_at"), SubmissionRepository.instant(rs, "paid_at"),
                SubmissionRepository.instant(rs, "closed_at"));
    }

    /**
     * A payment of a dossier's fee.
     *
     * @param status pending (awaiting payment), paid, cancelled or refunded
     * @param receiptNumber the receipt issued once paid
     * @param redirectUrl where the applicant pays at the gateway
     */
    public record DossierPayment(UUID paymentId, long amountVnd, String status, String receiptNumber,
            String redirectUrl, Instant createdAt, Instant paidAt, Instant closedAt) {
    }
}
