package vn.citygov.procedures.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.citygov.procedures.FormSchema;
import vn.citygov.procedures.Procedure;
import vn.citygov.procedures.Procedure.RequiredDocument;
import vn.citygov.procedures.Procedure.Step;
import vn.citygov.procedures.ProcedureField;
import vn.citygov.procedures.ProcedureSummary;

/** SQL for procedures_procedure, procedures_document and procedures_field. */
@Repository
public class ProcedureRepository {

    private static final String COLUMNS = """
            code, name, name_en, field_code, agency_code, level, online_level, processing_days, fee_vnd, fee_note,
            fee_note_en, legal_basis, steps::text AS steps, result_document, result_document_en,
            form_schema::text AS form_schema, workflow_code, version
            """;
    private static final String SUMMARY_COLUMNS = """
            code, name, name_en, field_code, agency_code, level, online_level, processing_days, fee_vnd
            """;

    private static final String FIELDS = "SELECT code, name, name_en FROM procedures_field ORDER BY position, code";

    private static final String FIELD_EXISTS = "SELECT count(*) FROM procedures_field WHERE code = :code";

    private static final String COUNT_ALL = "SELECT count(*) FROM procedures_procedure";

    private static final String EXISTS = "SELECT count(*) FROM procedures_procedure WHERE code = :code";

    private static final String FIND = "SELECT " + COLUMNS + " FROM procedures_procedure WHERE code = :code";

    private static final String FIND_FOR_UPDATE = FIND + " FOR UPDATE";

    private static final String ALL = "SELECT " + COLUMNS + " FROM procedures_procedure ORDER BY code";

    private static final String FILTER = """
            WHERE ((search_key LIKE :longest AND (' ' || search_key) LIKE ALL (:patterns)) OR (:fuzzy AND :q <% search_key))
              AND (:field = '' OR field_code = :field)
              AND (:agency = '' OR agency_code = :agency)
              AND (:level = '' OR level = :level)
              AND (:onlineLevel = '' OR online_level = :onlineLevel)
            """;

    private static final String SEARCH = "SELECT " + SUMMARY_COLUMNS + " FROM procedures_procedure " + FILTER + """
            ORDER BY CASE WHEN :q = '' OR search_key LIKE :prefix ESCAPE '\\' THEN 0 ELSE 1 END,
                     word_similarity(:q, search_key) DESC, name COLLATE procedures_vi, code
            LIMIT :limit OFFSET :offset
            """;

    private static final String COUNT = "SELECT count(*) FROM procedures_procedure " + FILTER;

    private static final String INSERT = """
            INSERT INTO procedures_procedure (code, name, name_en, field_code, agency_code, level, online_level,
                processing_days, fee_vnd, fee_note, fee_note_en, legal_basis, steps, result_document,
                result_document_en, form_schema, workflow_code, search_key)
            VALUES (:code, :name, :nameEn, :fieldCode, :agencyCode, :level, :onlineLevel, :processingDays, :feeVnd,
                :feeNote, :feeNoteEn, :legalBasis, CAST(:steps AS jsonb), :resultDocument, :resultDocumentEn,
                CAST(:form AS jsonb), :workflow, :searchKey)
            ON CONFLICT (code) DO NOTHING
            """;

    private static final String UPDATE = """
            UPDATE procedures_procedure
               SET name = :name, name_en = :nameEn, field_code = :fieldCode, agency_code = :agencyCode,
                   level = :level, online_level = :onlineLevel, processing_days = :processingDays,
                   fee_vnd = :feeVnd, fee_note = :feeNote, fee_note_en = :feeNoteEn, legal_basis = :legalBasis,
                   steps = CAST(:steps AS jsonb), result_document = :resultDocument,
                   result_document_en = :resultDocumentEn, form_schema = CAST(:form AS jsonb), workflow_code = :workflow,
                   search_key = :searchKey, version = version + 1, updated_at = now()
             WHERE code = :code AND version = :version
            """;

    private static final String DOCUMENTS = """
            SELECT procedure_code, name, name_en, copies, kind, registry, registry_en
              FROM procedures_document WHERE procedure_code = :code ORDER BY position
            """;

    private static final String ALL_DOCUMENTS = """
            SELECT procedure_code, name, name_en, copies, kind, registry, registry_en
              FROM procedures_document ORDER BY procedure_code, position
            """;

    private static final String DELETE_DOCUMENTS = "DELETE FROM procedures_document WHERE procedure_code = :code";

    private static final String INSERT_DOCUMENT = """
            INSERT INTO procedures_document (procedure_code, position, name, name_en, copies, kind, registry, registry_en)
            VALUES (:code, :position, :name, :nameEn, :copies, :kind, :registry, :registryEn)
            """;

    private static final TypeReference<List<Step>> STEPS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProcedureRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Search filters; empty strings mean "any". */
    public record Filter(String q, String field, String agency, String level, String onlineLevel, boolean fuzzy) {

        /** The same filter, also accepting similar spellings (for a query that found nothing as typed). */
        public Filter fuzzily() {
            return new Filter(q, field, agency, level, onlineLevel, true);
        }
    }

    public List<ProcedureField> fields() {
        return jdbc.sql(FIELDS).query((rs, n) -> new ProcedureField(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    public boolean fieldExists(String code) {
        return jdbc.sql(FIELD_EXISTS).param("code", code).query(Long.class).single() > 0;
    }

    public long count() {
        return jdbc.sql(COUNT_ALL).query(Long.class).single();
    }

    public boolean exists(String code) {
        return jdbc.sql(EXISTS).param("code", code).query(Long.class).single() > 0;
    }

    public long count(Filter filter) {
        return bind(jdbc.sql(COUNT), filter).query(Long.class).single();
    }

    public List<ProcedureSummary> search(Filter filter, int limit, long offset) {
        return bind(jdbc.sql(SEARCH), filter).param("prefix", SearchText.prefix(filter.q())).param("limit", limit)
                .param("offset", offset).query(ProcedureRepository::summary).list();
    }

    public Optional<Procedure> find(String code) {
        return jdbc.sql(FIND).param("code", code).query((rs, n) -> map(rs, documents(code))).optional();
    }

    public Optional<Procedure> findForUpdate(String code) {
        return jdbc.sql(FIND_FOR_UPDATE).param("code", code).query((rs, n) -> map(rs, List.of())).optional();
    }

    /** Every procedure with its documents, in code order: two statements whatever the catalogue size. */
    public List<Procedure> all() {
        Map<String, List<RequiredDocument>> documents = new LinkedHashMap<>();
        jdbc.sql(ALL_DOCUMENTS).query(rs -> {
            documents.computeIfAbsent(rs.getString("procedure_code"), c -> new ArrayList<>()).add(document(rs));
        });
        return jdbc.sql(ALL).query((rs, n) -> map(rs, documents.getOrDefault(rs.getString("code"), List.of()))).list();
    }

    /** Inserts unless the code is taken; returns whether a row was added. */
    public boolean insert(Procedure p, String searchKey) {
        boolean added = bind(jdbc.sql(INSERT), p, searchKey).update() == 1;
        if (added) {
            insertDocuments(p);
        }
        return added;
    }

    /** Updates when the version still matches; replaces the documents. */
    public boolean update(Procedure p, int version, String searchKey) {
        boolean updated = bind(jdbc.sql(UPDATE), p, searchKey).param("version", version).update() == 1;
        if (updated) {
            jdbc.sql(DELETE_DOCUMENTS).param("code", p.code()).update();
            insertDocuments(p);
        }
        return updated;
    }

    private void insertDocuments(Procedure p) {
        for (int i = 0; i < p.documents().size(); i++) {
            RequiredDocument d = p.documents().get(i);
            jdbc.sql(INSERT_DOCUMENT).param("code", p.code()).param("position", i).param("name", d.name())
                    .param("nameEn", d.nameEn()).param("copies", d.copies()).param("kind", d.kind())
                    .param("registry", d.registry()).param("registryEn", d.registryEn()).update();
        }
    }

    private List<RequiredDocument> documents(String code) {
        return jdbc.sql(DOCUMENTS).param("code", code).query((rs, n) -> document(rs)).list();
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
        return spec.param("q", f.q()).param("longest", SearchText.longestWord(f.q()))
                .param("patterns", SearchText.patterns(f.q())).param("field", f.field()).param("agency", f.agency())
                .param("level", f.level()).param("onlineLevel", f.onlineLevel()).param("fuzzy", f.fuzzy());
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Procedure p, String searchKey) {
        return spec.param("code", p.code()).param("name", p.name()).param("nameEn", p.nameEn())
                .param("fieldCode", p.fieldCode()).param("agencyCode", p.agencyCode()).param("level", p.level())
                .param("onlineLevel", p.onlineLevel()).param("processingDays", p.processingDays())
                .param("feeVnd", p.feeVnd()).param("feeNote", p.feeNote()).param("feeNoteEn", p.feeNoteEn())
                .param("legalBasis", p.legalBasis()).param("steps", json.writeValueAsString(p.steps()))
                .param("resultDocument", p.resultDocument()).param("resultDocumentEn", p.resultDocumentEn())
                .param("form", json.writeValueAsString(p.form())).param("workflow", p.workflow())
                .param("searchKey", searchKey);
    }

    private Procedure map(ResultSet rs, List<RequiredDocument> documents) throws SQLException {
        return new Procedure(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                rs.getString("field_code"), rs.getString("agency_code"), rs.getString("level"),
                rs.getString("online_level"), rs.getInt("processing_days"), rs.getLong("fee_vnd"),
                rs.getString("fee_note"), rs.getString("fee_note_en"), rs.getString("legal_basis"),
                json.readValue(rs.getString("steps"), STEPS), rs.getString("result_document"),
                rs.getString("result_document_en"), documents, json.readValue(rs.getString("form_schema"), FormSchema.class),
                rs.getString("workflow_code"), rs.getInt("version"));
    }

    private static RequiredDocument document(ResultSet rs) throws SQLException {
        return new RequiredDocument(rs.getString("name"), rs.getString("name_en"), rs.getInt("copies"),
                rs.getString("kind"), rs.getString("registry"), rs.getString("registry_en"));
    }

    private static ProcedureSummary summary(ResultSet rs, int n) throws SQLException {
        return new ProcedureSummary(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                rs.getString("field_code"), rs.getString("agency_code"), rs.getString("level"),
                rs.getString("online_level"), rs.getInt("processing_days"), rs.getLong("fee_vnd"));
    }
}
