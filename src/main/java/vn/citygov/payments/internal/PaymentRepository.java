package vn.citygov.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.citygov.payments.Payment;
import vn.citygov.payments.PaymentStatus;

/** SQL for payments_payment and payments_callback. */
@Repository
public class PaymentRepository {

    private static final String COLUMNS = """
            id, payer_id, reference, procedure_code, channel, amount_vnd, fee_rule_id, fee_reason, fee_reason_en,
            status, provider, redirect_url, transaction_id, receipt_number, created_at, paid_at, closed_at, version
            """;
    private static final String INSERT = """
            INSERT INTO payments_payment (id, payer_id, reference, procedure_code, channel, amount_vnd, fee_rule_id,
                fee_reason, fee_reason_en, status, provider, redirect_url, created_at)
            VALUES (:id, :payer, :reference, :procedure, :channel, :amount, :ruleId, :reason, :reasonEn, 'pending',
                :provider, :redirect, :createdAt)
            """;
    private static final String FIND = "SELECT " + COLUMNS + " FROM payments_payment WHERE id = :id";
    private static final String FIND_FOR_UPDATE = FIND + " FOR UPDATE";
    private static final String MINE = "SELECT " + COLUMNS + """
            FROM payments_payment WHERE payer_id = :payer AND (CAST(:reference AS text) IS NULL OR reference = :reference)
            ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset
            """;
    private static final String COUNT_MINE = """
            SELECT count(*) FROM payments_payment
            WHERE payer_id = :payer AND (CAST(:reference AS text) IS NULL OR reference = :reference)
            """;
    private static final String MARK_PAID = """
            UPDATE payments_payment SET status = 'paid', transaction_id = :txn, receipt_number = :receipt,
                paid_at = :at, version = version + 1
            WHERE id = :id AND status = 'pending'
            """;
    private static final String MARK_CLOSED = """
            UPDATE payments_payment SET status = :status, closed_at = :at, version = version + 1,
                transaction_id = COALESCE(:txn, transaction_id)
            WHERE id = :id AND status = :from
            """;
    private static final String NEXT_RECEIPT = "SELECT nextval('payments_receipt_seq')";
    private static final String CALLBACK_SEEN = """
            SELECT count(*) FROM payments_callback WHERE provider = :provider AND transaction_id = :txn
            """;
    private static final String RECORD_CALLBACK = """
            INSERT INTO payments_callback (provider, transaction_id, payment_id, outcome, received_at)
            VALUES (:provider, :txn, :id, :outcome, :at)
            """;

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Payment p) {
        jdbc.sql(INSERT).param("id", p.id()).param("payer", p.payerId()).param("reference", p.reference())
                .param("procedure", p.procedureCode()).param("channel", p.channel()).param("amount", p.amountVnd())
                .param("ruleId", p.feeRuleId()).param("reason", p.feeReason()).param("reasonEn", p.feeReasonEn())
                .param("provider", p.provider()).param("redirect", p.redirectUrl()).param("createdAt", p.createdAt())
                .update();
    }

    public Optional<Payment> find(UUID id) {
        return jdbc.sql(FIND).param("id", id).query(PaymentRepository::map).optional();
    }

    /** Locks the row so two callbacks for one payment are handled one after the other. */
    public Optional<Payment> findForUpdate(UUID id) {
        return jdbc.sql(FIND_FOR_UPDATE).param("id", id).query(PaymentRepository::map).optional();
    }

    public List<Payment> mine(long payerId, String reference, int limit, long offset) {
        return jdbc.sql(MINE).param("payer", payerId).param("reference", reference).param("limit", limit)
                .param("offset", offset).query(PaymentRepository::map).list();
    }

    public long countMine(long payerId, String reference) {
        return jdbc.sql(COUNT_MINE).param("payer", payerId).param("reference", reference).query(Long.class).single();
    }

    public long nextReceipt() {
        return jdbc.sql(NEXT_RECEIPT).query(Long.class).single();
    }

    public boolean markPaid(UUID id, String transactionId, String receipt, OffsetDateTime at) {
        return jdbc.sql(MARK_PAID).param("id", id).param("txn", transactionId).param("receipt", receipt)
                .param("at", at).update() == 1;
    }

    public boolean close(UUID id, PaymentStatus from, PaymentStatus to, String transactionId, OffsetDateTime at) {
        return jdbc.sql(MARK_CLOSED).param("id", id).param("from", from.code()).param("status", to.code())
                .param("txn", transactionId).param("at", at).update() == 1;
    }

    public boolean callbackSeen(String provider, String transactionId) {
        return jdbc.sql(CALLBACK_SEEN).param("provider", provider).param("txn", transactionId).query(Long.class)
                .single() > 0;
    }

    public void recordCallback(String provider, String transactionId, UUID paymentId, String outcome,
            OffsetDateTime at) {
        jdbc.sql(RECORD_CALLBACK).param("provider", provider).param("txn", transactionId).param("id", paymentId)
                .param("outcome", outcome).param("at", at).update();
    }

    private static Payment map(ResultSet rs, int row) throws SQLException {
        Long ruleId = rs.getObject("fee_rule_id", Long.class);
        return new Payment(rs.getObject("id", UUID.class), rs.getLong("payer_id"), rs.getString("reference"),
                rs.getString("procedure_code"), rs.getString("channel"), rs.getLong("amount_vnd"), ruleId,
                rs.getString("fee_reason"), rs.getString("fee_reason_en"),
                PaymentStatus.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
                rs.getString("provider"), rs.getString("redirect_url"), rs.getString("transaction_id"),
                rs.getString("receipt_number"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("paid_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class),
                rs.getInt("version"));
    }
}
