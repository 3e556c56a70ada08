package vn.citygov.dossiers.internal;

import static vn.citygov.platform.database.SqlParams.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for drafts and the documents attached to drafts and dossiers (dossiers_draft, dossiers_attachment). */
@Repository
public class SubmissionRepository {

    private static final String DRAFT_COLUMNS = """
            id, owner_id, procedure_code, form_values::text AS form_values, delivery, postal_address, admin_unit_code,
            created_at, updated_at, version
            """;

    private static final String INSERT_DRAFT = """
            INSERT INTO dossiers_draft (owner_id, procedure_code, form_values, delivery, postal_address,
                admin_unit_code, created_at, updated_at)
            VALUES (:ownerId, :procedureCode, CAST(:values AS jsonb), :delivery, :postalAddress, :adminUnitCode, :now, :now)
            RETURNING id
            """;

    private static final String FIND_DRAFT = "SELECT " + DRAFT_COLUMNS + " FROM dossiers_draft WHERE id = :id";

    /** Two submissions of one draft at once: the second waits, then finds the draft gone. */
    private static final String LOCK_DRAFT = FIND_DRAFT + " FOR UPDATE";

    /** Only when the version is still the one read: two tabs saving the same draft do not overwrite each other. */
    private static final String UPDATE_DRAFT = """
            UPDATE dossiers_draft
               SET form_values = CAST(:values AS jsonb), delivery = :delivery, postal_address = :postalAddress,
                   admin_unit_code = :adminUnitCode, updated_at = :now, version = version + 1
             WHERE id = :id AND version = :version
            """;

    private static final String DELETE_DRAFT = "DELETE FROM dossiers_draft WHERE id = :id";

    private static final String MY_DRAFTS = "SELECT " + DRAFT_COLUMNS + """
             FROM dossiers_draft WHERE owner_id = :ownerId
            ORDER BY updated_at DESC, id DESC LIMIT :limit OFFSET :offset
            """;

    private static final String COUNT_MY_DRAFTS = "SELECT count(*) FROM dossiers_draft WHERE owner_id = :ownerId";

    private static final String ATTACHMENT_COLUMNS = """
            id, draft_id, dossier_id, document_index, file_id, original_name, media_type, size_bytes, sha256,
            stored_document_id, digitised, uploaded_by, uploaded_at
            """;

    private static final String INSERT_ATTACHMENT = """
            INSERT INTO dossiers_attachment (draft_id, dossier_id, document_index, file_id, original_name, media_type,
                size_bytes, sha256, stored_document_id, digitised, uploaded_by, uploaded_at)
            VALUES (:draftId, :dossierId, :documentIndex, :fileId, :originalName, :mediaType, :size, :sha256,
                :storedDocumentId, :digitised, :uploadedBy, :uploadedAt)
            RETURNING id
            """;

    private static final String DRAFT_ATTACHMENTS = "SELECT " + ATTACHMENT_COLUMNS
            + " FROM dossiers_attachment WHERE draft_id = :draftId ORDER BY document_index, id";

    private static final String DOSSIER_ATTACHMENTS = "SELECT " + ATTACHMENT_COLUMNS
            + " FROM dossiers_attachment WHERE dossier_id = :dossierId ORDER BY document_index, id";

    private static final String FIND_ATTACHMENT = "SELECT " + ATTACHMENT_COLUMNS
            + " FROM dossiers_attachment WHERE id = :id";

    private static final String DELETE_ATTACHMENT = "DELETE FROM dossiers_attachment WHERE id = :id";

    /** On submission the draft's documents become the dossier's, before the draft itself goes. */
    private static final String MOVE_ATTACHMENTS = """
            UPDATE dossiers_attachment SET draft_id = NULL, dossier_id = :dossierId WHERE draft_id = :draftId
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SubmissionRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // ---- drafts ----

    public long insertDraft(DraftRow d, Instant now) {
        return jdbc.sql(INSERT_DRAFT).param("ownerId", d.ownerId()).param("procedureCode", d.procedureCode())
                .param("values", json.writeValueAsString(d.values())).param("delivery", d.delivery())
                .param("postalAddress", d.postalAddress()).param("adminUnitCode", d.adminUnitCode())
                .param("now", timestamp(now)).query(Long.class).single();
    }

    public Optional<DraftRow> findDraft(long id) {
        return jdbc.sql(FIND_DRAFT).param("id", id).query(this::draft).optional();
    }

    public Optional<DraftRow> lockDraft(long id) {
        return jdbc.sql(LOCK_DRAFT).param("id", id).query(this::draft).optional();
    }

    public boolean updateDraft(DraftRow d, Instant now) {
        return jdbc.sql(UPDATE_DRAFT).param("id", d.id()).param("version", d.version())
                .param("values", json.writeValueAsString(d.values())).param("delivery", d.delivery())
                .param("postalAddress", d.postalAddress()).param("adminUnitCode", d.adminUnitCode())
                .param("now", timestamp(now)).update() == 1;
    }

    public void deleteDraft(long id) {
        jdbc.sql(DELETE_DRAFT).param("id", id).update();
    }

    public List<DraftRow> myDrafts(long ownerId, int limit, long offset) {
        return jdbc.sql(MY_DRAFTS).param("ownerId", ownerId).param("limit", limit).param("offset", offset)
                .query(this::draft).list();
    }

    public long countMyDrafts(long ownerId) {
        return jdbc.sql(COUNT_MY_DRAFTS).param("ownerId", ownerId).query(Long.class).single();
    }

    // ---- attachments ----

    public long insertAttachment(AttachmentRow a) {
        return jdbc.sql(INSERT_ATTACHMENT).param("draftId", a.draftId()).param("dossierId", a.dossierId())
                .param("documentIndex", a.documentIndex()).param("fileId", a.fileId())
                .param("originalName", a.originalName()).param("mediaType", a.mediaType()).param("size", a.size())
                .param("sha256", a.sha256()).param("storedDocumentId", a.storedDocumentId())
                .param("digitised", a.digitised()).param("uploadedBy", a.uploadedBy())
                .param("uploadedAt", timestamp(a.uploadedAt())).query(Long.class).single();
    }

    public List<AttachmentRow> draftAttachments(long draftId) {
        return jdbc.sql(DRAFT_ATTACHMENTS).param("draftId", draftId).query(SubmissionRepository::attachment).list();
    }

    public List<AttachmentRow> dossierAttachments(long dossierId) {
        return jdbc.sql(DOSSIER_ATTACHMENTS).param("dossierId", dossierId).query(SubmissionRepository::attachment)
                .list();
    }

    public Optional<AttachmentRow> findAttachment(long id) {
        return jdbc.sql(FIND_ATTACHMENT).param("id", id).query(SubmissionRepository::attachment).optional();
    }

    public void deleteAttachment(long id) {
        jdbc.sql(DELETE_ATTACHMENT).param("id", id).update();
    }

    public void moveAttachments(long draftId, long dossierId) {
        jdbc.sql(MOVE_ATTACHMENTS).param("draftId", draftId).param("dossierId", dossierId).update();
    }

    private DraftRow draft(ResultSet rs, int n) throws SQLException {
        return new DraftRow(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("procedure_code"),
                json.readValue(rs.getString("form_values"), new TypeReference<Map<String, Object>>() { }),
                rs.getString("delivery"), rs.getString("postal_address"), rs.getString("admin_unit_code"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getInt("version"));
    }

    private static AttachmentRow attachment(ResultSet rs, int n) throws SQLException {
        return new AttachmentRow(rs.getLong("id"), (Long) rs.getObject("draft_id", Long.class),
                rs.getObject("dossier_id", Long.class), rs.getInt("document_index"),
                rs.getObject("file_id", UUID.class), rs.getString("original_name"), rs.getString("media_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getObject("stored_document_id", Long.class),
                rs.getBoolean("digitised"), rs.getString("uploaded_by"), instant(rs, "uploaded_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }


    /** A row of dossiers_draft. */
    public record DraftRow(long id, long ownerId, String procedureCode, Map<String, Object> values, String delivery,
            String postalAddress, String adminUnitCode, Instant createdAt, Instant updatedAt, int version) {
    }

    /** A row of dossiers_attachment: on a draft or on a dossier, never both. */
    public record AttachmentRow(long id, Long draftId, Long dossierId, int documentIndex, UUID fileId,
            String originalName, String mediaType, long size, String sha256, Long storedDocumentId, boolean digitised,
            String uploadedBy, Instant uploadedAt) {
    }
}
