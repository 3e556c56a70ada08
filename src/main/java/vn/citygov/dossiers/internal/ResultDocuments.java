package vn.citygov.dossiers.internal;

import static vn.citygov.platform.database.SqlParams.timestamp;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.dossiers.Dossier;
import vn.citygov.dossiers.DossierResultSigned;
import vn.citygov.dossiers.DossierService;
import vn.citygov.dossiers.Workflow;
import vn.citygov.files.FileService;
import vn.citygov.files.StoredFile;
import vn.citygov.platform.error.ConflictException;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;
import vn.citygov.procedures.Procedure;
import vn.citygov.procedures.ProcedureService;

/**
 * The result document (kết quả giải quyết) of a dossier: an official who processes or approves dossiers of its
 * agency attaches the file once the dossier is approved and signs it off — who, when and the SHA-256 of the exact
 * file are kept, and it cannot be replaced afterwards. A result to be delivered electronically also goes to the
 * applicant's personal document store, where later dossiers can reuse it.
 */
@Service
@Transactional(readOnly = true)
public class ResultDocuments {

    private static final String INSERT = """
            INSERT INTO dossiers_result (dossier_id, file_id, original_name, media_type, size_bytes, sha256, signed_by,
                signed_by_name, signed_at)
            VALUES (:dossierId, :fileId, :name, :mediaType, :size, :sha256, :signedBy, :signedByName, :signedAt)
            ON CONFLICT (dossier_id) DO NOTHING
            """;

    private static final String FIND = """
            SELECT file_id, original_name, media_type, size_bytes, sha256, signed_by, signed_by_name, signed_at
              FROM dossiers_result WHERE dossier_id = :dossierId
            """;

    private final JdbcClient jdbc;
    private final DossierService dossiers;
    private final ProcedureService procedures;
    private final vn.citygov.files.FileStore store;
    private final DossierAttachments attachments;
    private final DocumentStore documentStore;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ResultDocuments(JdbcClient jdbc, DossierService dossiers, ProcedureService procedures, vn.citygov.files.FileStore store,
            DossierAttachments attachments, DocumentStore documentStore, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.store = store;
        this.attachments = attachments;
        this.documentStore = documentStore;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Result sign(long dossierId, InputStream content, String name) {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        Dossier d = dossiers.get(dossierId);
        if (!(user.can(DossierService.PROCESS, d.agencyCode()) || user.can(DossierService.APPROVE, d.agencyCode()))) {
            throw new ForbiddenException();
        }
        if (!(Workflow.APPROVED.equals(d.state()) || Workflow.RESULT_ISSUED.equals(d.state()))) {
            throw new ConflictException("dossiers.error.result-state");
        }
        if (find(dossierId).isPresent()) {
            throw new ConflictException("dossiers.error.result-exists");
        }
        StoredFile file = store.put(content, name, DossierAttachments.OWNER, false);
        Instant now = clock.instant();
        if (jdbc.sql(INSERT).param("dossierId", dossierId).param("fileId", file.id())
                .param("name", file.originalName()).param("mediaType", file.mediaType()).param("size", file.size())
                .param("sha256", file.sha256()).param("signedBy", user.username())
                .param("signedByName", user.displayName()).param("signedAt", timestamp(now))
                .update() == 0) {
            // Two officials signing at once: the primary key lets one win.
            throw new ConflictException("dossiers.error.result-exists");
        }
        boolean electronic = "electronic".equals(d.delivery());
        boolean shared = electronic && d.applicantId() != null;
        if (shared) {
            Procedure p = procedures.get(d.procedureCode());
            documentStore.keep(d.applicantId(), dossierId, DocumentStore.documentType(p.resultDocument()),
                    DocumentStore.documentType(p.resultDocumentEn()), file, now);
        }
        events.publishEvent(new DossierResultSigned(dossierId, d.agencyCode(), file.sha256(), electronic, shared,
                user.username(), now));
        return find(dossierId).orElseThrow();
    }

    /** The signed-off result, for the applicant and officials of the dossier's agency; 404 before sign-off. */
    public Result get(long dossierId) {
        dossiers.get(dossierId);
        return find(dossierId).orElseThrow(() -> new NotFoundException("result", dossierId));
    }

    public FileService.Download download(long dossierId) {
        Result r = get(dossierId);
        return attachments.content(r.fileId());
    }

    /** The result of a dossier already read through {@link DossierService#get}, which checked access. */
    public Optional<Result> of(Dossier dossier) {
        return find(dossier.id());
    }

    Optional<Result> find(long dossierId) {
        return jdbc.sql(FIND).param("dossierId", dossierId).query((rs, n) -> new Result(
                rs.getObject("file_id", UUID.class), rs.getString("original_name"), rs.getString("media_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("signed_by"),
                rs.getString("signed_by_name"), SubmissionRepository.instant(rs, "signed_at"))).optional();
    }

    /**
     * A signed-off result document.
     *
     * @param sha256 hex digest of the signed file: what was signed is exactly what is downloaded
     * @param signedBy the official's username (and {@code signedByName}, their name at the time)
     */
    public record Result(UUID fileId, String name, String mediaType, long size, String sha256, String signedBy,
            String signedByName, Instant signedAt) {
    }
}
