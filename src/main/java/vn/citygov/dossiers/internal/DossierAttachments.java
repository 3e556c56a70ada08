package vn.citygov.dossiers.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.dossiers.Dossier;
import vn.citygov.dossiers.DossierAttachmentAdded;
import vn.citygov.dossiers.DossierService;
import vn.citygov.dossiers.InvalidDossierException.Problem;
import vn.citygov.dossiers.Workflow;
import vn.citygov.dossiers.internal.SubmissionRepository.AttachmentRow;
import vn.citygov.files.FileOwner;
import vn.citygov.files.FileService;
import vn.citygov.files.FileStore;
import vn.citygov.files.StoredFile;
import vn.citygov.platform.error.ConflictException;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;
import vn.citygov.procedures.Procedure;
import vn.citygov.procedures.Procedure.RequiredDocument;

/**
 * Files given for a procedure's required documents: uploaded by the citizen to a draft, scanned in by the desk
 * for a paper dossier (marked digitised), or picked from the citizen's personal document store. The files
 * module checks and keeps the bytes (type, size, virus scan, through its {@link FileStore}); this class decides who may see them: whoever may
 * see the dossier (its applicant, officials of its agency), so downloads read the store after that check.
 */
@Service
@Transactional(readOnly = true)
public class DossierAttachments {

    /**
     * Dossier files belong to CityGov, not to whoever uploaded them: an uploader cannot delete a document of a
     * filed dossier through the files API, and dossier rules alone decide who reads it.
     */
    static final FileOwner OWNER = new FileOwner(FileOwner.Kind.SYSTEM, 0);

    private final SubmissionRepository rows;
    private final FileStore store;
    private final DossierService dossiers;
    private final vn.citygov.procedures.ProcedureService procedures;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DossierAttachments(SubmissionRepository rows, FileStore store, DossierService dossiers,
            vn.citygov.procedures.ProcedureService procedures, ApplicationEventPublisher events, Clock clock) {
        this.procedures = procedures;
        this.rows = rows;
        this.store = store;
        this.dossiers = dossiers;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Whether an upload document must be present at submission. The catalogue marks conditional documents in
     * their name ("(nếu có)", "(nếu nhờ người khác …)"): those may be left out.
     */
    public static boolean required(RequiredDocument document) {
        return "upload".equals(document.kind())
                && !document.name().toLowerCase(Locale.ROOT).contains("(nếu");
    }

    /** The index of an upload document of the procedure, or a 400 naming the field. */
    static int uploadIndex(Procedure procedure, Integer index) {
        if (index == null) {
            throw new InvalidInputException("documentIndex", "validation.required");
        }
        if (index < 0 || index >= procedure.documents().size()
                || !"upload".equals(procedure.documents().get(index).kind())) {
            throw new InvalidInputException("documentIndex", "dossiers.error.document-index");
        }
        return index;
    }

    /** Required uploads missing from the given document indexes, as field errors documents[i]. */
    static List<Problem> missing(Procedure procedure, java.util.Set<Integer> present) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < procedure.documents().size(); i++) {
            if (required(procedure.documents().get(i)) && !present.contains(i)) {
                problems.add(new Problem("documents[" + i + "]", "dossiers.error.document-missing"));
            }
        }
        return problems;
    }

    /** Keeps the upload for the draft's document, replacing an earlier file for the same document. */
    AttachmentRow attachToDraft(long draftId, int index, InputStream content, String name) {
        // The files module scans before it writes anything; a refused file leaves nothing behind.
        StoredFile file = store.put(content, name, OWNER, false);
        return replace(draftId, null, index, file, null, false);
    }

    AttachmentRow attachStoredToDraft(long draftId, int index, StoredFile file, long storedDocumentId) {
        return replace(draftId, null, index, file, storedDocumentId, false);
    }

    private AttachmentRow replace(Long draftId, Long dossierId, int index, StoredFile file, Long storedId,
            boolean digitised) {
        if (draftId != null) {
            // A draft holds one file per document: a new one replaces the earlier upload (a stored document stays).
            rows.draftAttachments(draftId).stream().filter(a -> a.documentIndex() == index).forEach(a -> {
                rows.deleteAttachment(a.id());
                if (a.storedDocumentId() == null) {
                    store.delete(a.fileId());
                }
            });
        }
        AttachmentRow row = new AttachmentRow(0, draftId, dossierId, index, file.id(), file.originalName(),
                file.mediaType(), file.size(), file.sha256(), storedId, digitised, CurrentUser.name(),
                clock.instant());
        long id = rows.insertAttachment(row);
        return rows.findAttachment(id).orElseThrow();
    }

    /**
     * The desk scans a paper document of a dossier it holds: the scan is kept as digitised (số hóa) with who
     * and when, and counted by the service-quality index through {@link DossierAttachmentAdded}.
     */
    @Transactional
    public Attachment digitise(long dossierId, Integer documentIndex, InputStream content, String name) {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        Dossier d = dossiers.get(dossierId);
        if (!user.can(DossierService.RECEIVE, d.agencyCode())) {
            throw new ForbiddenException();
        }
        if (Workflow.FINAL_STATES.contains(d.state())) {
            throw new ConflictException("dossiers.error.closed");
        }
        int index = uploadIndex(procedures.get(d.procedureCode()), documentIndex);
        StoredFile file = store.put(content, name, OWNER, true);
        AttachmentRow row = replace(null, dossierId, index, file, null, true);
        events.publishEvent(new DossierAttachmentAdded(dossierId, d.agencyCode(), index, file.sha256(), true,
                false, d.channel(), row.uploadedAt()));
        return view(row);
    }

    /** The documents of a dossier its reader may see. */
    public List<Attachment> ofDossier(long dossierId) {
        return of(dossiers.get(dossierId));
    }

    /** The documents of a dossier already read through {@link DossierService#get}, which checked access. */
    public List<Attachment> of(Dossier dossier) {
        return rows.dossierAttachments(dossier.id()).stream().map(DossierAttachments::view).toList();
    }

    /** The content of one attachment of a dossier, for its applicant and the officials of its agency. */
    public FileService.Download download(long dossierId, long attachmentId) {
        dossiers.get(dossierId);
        AttachmentRow a = rows.findAttachment(attachmentId).filter(r -> Long.valueOf(dossierId).equals(r.dossierId()))
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
        return content(a.fileId());
    }

    FileService.Download content(UUID fileId) {
        StoredFile file = store.get(fileId).orElseThrow(() -> new NotFoundException("file", fileId));
        InputStream in = store.content(fileId).orElseThrow(() -> new NotFoundException("file", fileId));
        return new FileService.Download(file, in);
    }

    static Attachment view(AttachmentRow a) {
        return new Attachment(a.id(), a.documentIndex(), a.originalName(), a.mediaType(), a.size(), a.sha256(),
                a.digitised(), a.storedDocumentId(), a.uploadedBy(), a.uploadedAt());
    }

    /**
     * One document given for a required document of the procedure.
     *
     * @param documentIndex the position of the required document in the procedure's list
     * @param digitised a scan of a paper document made by the desk
     * @param storedDocumentId set when picked from the personal document store instead of uploaded
     */
    public record Attachment(long id, int documentIndex, String name, String mediaType, long size, String sha256,
            boolean digitised, Long storedDocumentId, String uploadedBy, Instant uploadedAt) {
    }
}
