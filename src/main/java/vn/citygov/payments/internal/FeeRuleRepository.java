package vn.citygov.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.citygov.payments.FeeRule;
import vn.citygov.payments.FeeRuleInput;

/** SQL for payments_fee_rule. */
@Repository
public class FeeRuleRepository {

    private static final String COLUMNS = """
            id, procedure_code, channel, amount_vnd, valid_from, valid_to, reason, reason_en, version
            """;
    private static final String FOR_PROCEDURE = "SELECT " + COLUMNS + """
            FROM payments_fee_rule WHERE procedure_code = :code ORDER BY valid_from, id
            """;
    private static final String FIND = "SELECT " + COLUMNS + " FROM payments_fee_rule WHERE id = :id";
    private static final String LIST = "SELECT " + COLUMNS + """
            FROM payments_fee_rule WHERE (CAST(:code AS text) IS NULL OR procedure_code = :code)
            ORDER BY procedure_code, channel, valid_from, id LIMIT :limit OFFSET :offset
            """;
    private static final String COUNT = """
            SELECT count(*) FROM payments_fee_rule WHERE (CAST(:code AS text) IS NULL OR procedure_code = :code)
            """;
    private static final String INSERT = """
            INSERT INTO payments_fee_rule (procedure_code, channel, amount_vnd, valid_from, valid_to, reason, reason_en)
            VALUES (:code, :channel, :amount, :from, :to, :reason, :reasonEn)
            RETURNING\s""" + COLUMNS;
    private static final String UPDATE = """
            UPDATE payments_fee_rule SET procedure_code = :code, channel = :channel, amount_vnd = :amount,
                valid_from = :from, valid_to = :to, reason = :reason, reason_en = :reasonEn, version = version + 1,
                updated_at = now()
            WHERE id = :id AND version = :version
            RETURNING\s""" + COLUMNS;
    private static final String DELETE = "DELETE FROM payments_fee_rule WHERE id = :id";
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('payments_fee_rule:' || :code))";

    private final JdbcClient jdbc;

    FeeRuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<FeeRule> forProcedure(String code) {
        return jdbc.sql(FOR_PROCEDURE).param("code", code).query(FeeRuleRepository::map).list();
    }

    public Optional<FeeRule> find(long id) {
        return jdbc.sql(FIND).param("id", id).query(FeeRuleRepository::map).optional();
    }

    public List<FeeRule> list(String code, int limit, long offset) {
        return jdbc.sql(LIST).param("code", code).param("limit", limit).param("offset", offset)
                .query(FeeRuleRepository::map).list();
    }

    public long count(String code) {
        return jdbc.sql(COUNT).param("code", code).query(Long.class).single();
    }

    public FeeRule insert(FeeRuleInput in) {
        return bind(jdbc.sql(INSERT), in).query(FeeRuleRepository::map).single();
    }

    public Optional<FeeRule> update(long id, FeeRuleInput in) {
        return bind(jdbc.sql(UPDATE), in).param("id", id).param("version", in.version())
                .query(FeeRuleRepository::map).optional();
    }

    public void delete(long id) {
        jdbc.sql(DELETE).param("id", id).update();
    }

    public void lockProcedure(String code) {
        jdbc.sql(LOCK).param("code", code).query((rs, row) -> 1).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, FeeRuleInput in) {
        return spec.param("code", in.procedureCode()).param("channel", in.channel()).param("amount", in.amountVnd())
                .param("from", in.validFrom()).param("to", in.validTo()).param("reason", in.reason())
                .param("reasonEn", in.reasonEn());
    }

    private static FeeRule map(ResultSet rs, int row) throws SQLException {
        return new FeeRule(rs.getLong("id"), rs.getString("procedure_code"), rs.getString("channel"),
                rs.getLong("amount_vnd"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), rs.getString("reason"), rs.getString("reason_en"),
                rs.getInt("version"));
    }
}
