package vn.citygov.dossiers.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.citygov.dossiers.Dossier;
import vn.citygov.dossiers.DossierAttachmentAdded;
import vn.citygov.dossiers.InvalidDossierException.Problem;
import vn.citygov.dossiers.NewDossier.DocumentRef;
import vn.citygov.dossiers.internal.SubmissionRepository.AttachmentRow;
import vn.citygov.files.FileOwner;
import vn.citygov.files.FileStore;
import vn.citygov.files.StoredFile;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;
import vn.citygov.procedures.Procedure;

/**
 * The documents of an online filing, whichever way it comes in (the API with files uploaded first, or a draft
 * whose files are already attached): every required upload must be given, or the filing is refused with a field
 * error {@code documents[i]} per missing document, together with the form's errors.
 */
@Component
public class OnlineDocuments {

    private final SubmissionRepository rows;
    private final FileStore store;
    private final DocumentStore documentStore;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OnlineDocuments(SubmissionRepository rows, FileStore store, DocumentStore documentStore,
            ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.store = store;
        this.documentStore = documentStore;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Checks the given documents against the procedure and adds what is wrong or missing to {@code problems}.
     *
     * @param alreadyGiven indexes of documents attached elsewhere (a draft's), counted as present
     * @return the files to attach once the dossier exists
     */
    public List<Given> check(Procedure procedure, List<DocumentRef> refs, Collection<Integer> alreadyGiven,
            List<Problem> problems) {
        CityGovUser user = CurrentUser.get().orElseThrow();
        List<Given> given = new ArrayList<>();
        Set<Integer> present = new HashSet<>(alreadyGiven);
        for (DocumentRef ref : refs == null ? List.<DocumentRef>of() : refs) {
            if (ref == null || ref.index() == null || ref.index() < 0 || ref.index() >= procedure.documents().size()
                    || !"upload".equals(procedure.documents().get(ref.index()).kind()) || present.contains(ref.index())) {
                problems.add(new Problem("documents", "dossiers.error.document-index"));
                continue;
            }
            String field = "documents[" + ref.index() + "]";
            if ((ref.fileId() == null) == (ref.storedDocumentId() == null)) {
                problems.add(new Problem(field, "dossiers.error.document-file"));
                continue;
            }
            present.add(ref.index());
            if (ref.fileId() != null) {
                // Only the caller's own upload: a file id seen elsewhere gives no access to its content.
                StoredFile file = store.get(ref.fileId()).filter(f -> f.owner().equals(FileOwner.user(user.id())))
                        .orElse(null);
                if (file == null) {
                    problems.add(new Problem(field, "dossiers.error.document-file"));
                } else {
                    given.add(new Given(ref.index(), file, null));
                }
                continue;
            }
            try {
                DocumentStore.StoredDocument doc = documentStore.mine(ref.storedDocumentId());
                if (DocumentStore.matches(procedure.documents().get(ref.index()), doc)) {
                    given.add(new Given(ref.index(), documentStore.file(doc), doc.id()));
                } else {
                    problems.add(new Problem(field, "dossiers.error.document-mismatch"));
                }
            } catch (NotFoundException e) {
                problems.add(new Problem(field, "dossiers.error.document-file"));
            }
        }
        problems.addAll(DossierAttachments.missing(procedure, present));
        return given;
    }

    /**
     * Attaches the checked documents to the new dossier. An upload moves under the dossier's system owner (a
     * copy, the caller's file goes), so its uploader can no longer delete it through the files API.
     */
    public void attach(Dossier dossier, List<Given> given) {
        for (Given g : given) {
            StoredFile file = g.file();
            if (g.storedDocumentId() == null) {
                try (InputStream in = store.content(file.id()).orElseThrow(() -> new NotFoundException("file", g.file().id()))) {
                    file = store.put(in, file.originalName(), DossierAttachments.OWNER, false);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                store.delete(g.file().id());
            }
            rows.insertAttachment(new AttachmentRow(0, null, dossier.id(), g.index(), file.id(), file.originalName(),
                    file.mediaType(), file.size(), file.sha256(), g.storedDocumentId(), false, CurrentUser.name(),
                    clock.instant()));
            published(dossier, g.index(), file.sha256(), g.storedDocumentId() != null);
        }
    }

    /** Tells the service-quality index about a document filed with the dossier. */
    void published(Dossier dossier, int index, String sha256, boolean reused) {
        events.publishEvent(new DossierAttachmentAdded(dossier.id(), dossier.agencyCode(), index, sha256, false,
                reused, dossier.channel(), dossier.submittedAt()));
    }

    /** A checked document: an upload of the caller's, or a stored result ({@code storedDocumentId} set). */
    public record Given(int index, StoredFile file, Long storedDocumentId) {
    }
}
