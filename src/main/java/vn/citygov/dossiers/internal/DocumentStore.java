package vn.citygov.dossiers.internal;

import static vn.citygov.platform.database.SqlParams.timestamp;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.files.FileStore;
import vn.citygov.files.StoredFile;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;
import vn.citygov.platform.text.TextFolding;
import vn.citygov.procedures.Procedure.RequiredDocument;

/**
 * The personal document store (kho quản lý dữ liệu điện tử của cá nhân): results the city issued electronically
 * to a citizen, kept so that a later procedure asking for the same paper takes it from here (once-only). Each
 * citizen sees only their own documents.
 */
@Service
@Transactional(readOnly = true)
public class DocumentStore {

    private static final String COLUMNS = """
            id, owner_id, dossier_id, document_type, document_type_en, file_id, original_name, media_type,
            size_bytes, sha256, stored_at
            """;

    private static final String INSERT = """
            INSERT INTO dossiers_document_store (owner_id, dossier_id, document_type, document_type_en, file_id,
                original_name, media_type, size_bytes, sha256, stored_at)
            VALUES (:ownerId, :dossierId, :type, :typeEn, :fileId, :name, :mediaType, :size, :sha256, :at)
            ON CONFLICT (dossier_id) DO NOTHING
            """;

    private static final String MINE = "SELECT " + COLUMNS
            + " FROM dossiers_document_store WHERE owner_id = :ownerId ORDER BY stored_at DESC, id DESC LIMIT 200";

    private static final String FIND = "SELECT " + COLUMNS + " FROM dossiers_document_store WHERE id = :id";

    private final JdbcClient jdbc;
    private final FileStore files;

    DocumentStore(JdbcClient jdbc, FileStore files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /**
     * The kind of document a procedure's result is, as a later procedure would name it: the name up to its first
     * qualifier, e.g. "Giấy khai sinh (bản chính) và số định danh …" is a "Giấy khai sinh".
     */
    public static String documentType(String resultDocument) {
        String type = resultDocument == null ? "" : resultDocument;
        for (String stop : List.of("(", ",", " và ", ";")) {
            int at = type.indexOf(stop);
            if (at > 0) {
                type = type.substring(0, at);
            }
        }
        return type.strip();
    }

    /** A required document asks for this stored document when its name mentions the stored document's type. */
    public static boolean matches(RequiredDocument required, StoredDocument stored) {
        String type = TextFolding.fold(stored.documentType());
        return type.length() >= 6 && TextFolding.fold(required.name()).contains(type);
    }

    /** Keeps a result for its citizen; once per dossier. */
    @Transactional
    public void keep(long ownerId, long dossierId, String type, String typeEn, StoredFile file, Instant at) {
        jdbc.sql(INSERT).param("ownerId", ownerId).param("dossierId", dossierId).param("type", type)
                .param("typeEn", typeEn).param("fileId", file.id()).param("name", file.originalName())
                .param("mediaType", file.mediaType()).param("size", file.size()).param("sha256", file.sha256())
                .param("at", timestamp(at)).update();
    }

    /** The current citizen's documents, newest first. */
    public List<StoredDocument> mine() {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        return jdbc.sql(MINE).param("ownerId", user.id()).query(DocumentStore::row).list();
    }

    /** One of the current citizen's documents; anyone else's is 404. */
    public StoredDocument mine(long id) {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        return jdbc.sql(FIND).param("id", id).query(DocumentStore::row).optional()
                .filter(d -> d.ownerId() == user.id() && user.kind() != CityGovUser.UserKind.MACHINE)
                .orElseThrow(() -> new NotFoundException("document", id));
    }

    List<StoredDocument> matching(long ownerId, RequiredDocument required) {
        return jdbc.sql(MINE).param("ownerId", ownerId).query(DocumentStore::row).list().stream()
                .filter(d -> matches(required, d)).toList();
    }

    StoredFile file(StoredDocument d) {
        return files.get(d.fileId()).orElseThrow(() -> new NotFoundException("document", d.id()));
    }

    private static StoredDocument row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StoredDocument(rs.getLong("id"), rs.getLong("owner_id"), rs.getLong("dossier_id"),
                rs.getString("document_type"), rs.getString("document_type_en"), rs.getObject("file_id", UUID.class),
                rs.getString("original_name"), rs.getString("media_type"), rs.getLong("size_bytes"),
                rs.getString("sha256"), SubmissionRepository.instant(rs, "stored_at"));
    }

    /**
     * A document of the personal store.
     *
     * @param dossierId the dossier whose result it is
     * @param documentType what kind of paper it is, e.g. "Giấy phép xây dựng" (and {@code documentTypeEn})
     */
    public record StoredDocument(long id, long ownerId, long dossierId, String documentType, String documentTypeEn,
            UUID fileId, String name, String mediaType, long size, String sha256, Instant storedAt) {
    }
}
