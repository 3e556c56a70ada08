package vn.citygov.dossiers.internal;

import static vn.citygov.platform.database.SqlParams.timestamp;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the tracking ledger (form 07): an agency's dossiers by acceptance time, on the ledger index (V11_7). */
@Repository
public class LedgerRepository {

    private static final String LEDGER = """
            SELECT d.id, d.code, d.procedure_code, d.applicant_name, d.channel, d.state, d.received_at, d.due_at,
                   d.finished_at, e.new_due
              FROM dossiers_dossier d LEFT JOIN dossiers_extension e ON e.dossier_id = d.id
             WHERE d.agency_code = :agency AND d.received_at >= :from AND d.received_at < :to
             ORDER BY d.received_at, d.id LIMIT :limit
            """;

    private final JdbcClient jdbc;

    LedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param extendedDue the new appointment of form 04, when one was set */
    public record Entry(long id, String code, String procedureCode, String applicantName, String channel,
            String state, Instant receivedAt, Instant dueAt, Instant finishedAt, Instant extendedDue) {
    }

    public List<Entry> entries(String agency, Instant from, Instant to, int limit) {
        return jdbc.sql(LEDGER).param("agency", agency).param("from", timestamp(from))
                .param("to", timestamp(to)).param("limit", limit)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getString("code"), rs.getString("procedure_code"),
                        rs.getString("applicant_name"), rs.getString("channel"), rs.getString("state"),
                        StepRepository.instant(rs, "received_at"), StepRepository.instant(rs, "due_at"),
                        StepRepository.instant(rs, "finished_at"), StepRepository.instant(rs, "new_due")))
                .list();
    }
}
