package vn.citygov.dossiers.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.dossiers.Dossier;
import vn.citygov.dossiers.DossierConflictException;
import vn.citygov.dossiers.DossierService;
import vn.citygov.dossiers.InvalidDossierException;
import vn.citygov.dossiers.InvalidDossierException.Problem;
import vn.citygov.dossiers.NewDossier;
import vn.citygov.dossiers.internal.DossierAttachments.Attachment;
import vn.citygov.dossiers.internal.SubmissionRepository.AttachmentRow;
import vn.citygov.dossiers.internal.SubmissionRepository.DraftRow;
import vn.citygov.files.FileStore;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CityGovUser.UserKind;
import vn.citygov.platform.security.CurrentUser;
import vn.citygov.procedures.Procedure;
import vn.citygov.procedures.ProcedureService;

/**
 * A citizen's online dossier before submission: the e-form partly filled (not checked as complete), the files
 * for the required documents, the delivery choice. Private to its owner: anyone else, officials included, is
 * told it does not exist. Submitting checks everything at once (form, delivery, required uploads) and either
 * files the dossier with its documents and removes the draft, or changes nothing.
 */
@Service
@Transactional(readOnly = true)
public class DossierDrafts {

    private static final Pattern ADMIN_UNIT = Pattern.compile("^[0-9]{5}$");
    private static final int MAX_TEXT = 500;

    private final SubmissionRepository rows;
    private final ProcedureService procedures;
    private final DossierService dossiers;
    private final DossierAttachments attachments;
    private final DocumentStore documentStore;
    private final DossierPayments payments;
    private final FileStore store;
    private final OnlineDocuments onlineDocuments;
    private final Clock clock;

    DossierDrafts(SubmissionRepository rows, ProcedureService procedures, DossierService dossiers,
            DossierAttachments attachments, DocumentStore documentStore, DossierPayments payments, FileStore store,
            OnlineDocuments onlineDocuments, Clock clock) {
        this.rows = rows;
        this.procedures = procedures;
        this.dossiers = dossiers;
        this.attachments = attachments;
        this.documentStore = documentStore;
        this.payments = payments;
        this.store = store;
        this.onlineDocuments = onlineDocuments;
        this.clock = clock;
    }

    @Transactional
    public Draft create(DraftInput input) {
        CityGovUser user = applicant();
        if (input == null) {
            throw new InvalidInputException("body", "validation.required");
        }
        Procedure procedure = procedure(input.procedureCode());
        DraftRow row = checked(new DraftRow(0, user.id(), procedure.code(), input.values(), input.delivery(),
                input.postalAddress(), input.adminUnitCode(), null, null, 0));
        long id = rows.insertDraft(row, clock.instant());
        return view(rows.findDraft(id).orElseThrow());
    }

    /** Saves what the citizen has entered so far; send the version read (a stale one is 409). */
    @Transactional
    public Draft update(long id, DraftInput input) {
        DraftRow d = owned(id);
        if (input == null) {
            throw new InvalidInputException("body", "validation.required");
        }
        if (input.version() == null) {
            throw new InvalidInputException("version", "validation.required");
        }
        if (input.procedureCode() != null && !input.procedureCode().strip().equals(d.procedureCode())) {
            throw new InvalidInputException("procedureCode", "dossiers.error.draft-procedure");
        }
        DraftRow next = checked(new DraftRow(id, d.ownerId(), d.procedureCode(), input.values(), input.delivery(),
                input.postalAddress(), input.adminUnitCode(), d.createdAt(), d.updatedAt(), input.version()));
        if (!rows.updateDraft(next, clock.instant())) {
            throw DossierConflictException.stale();
        }
        return view(rows.findDraft(id).orElseThrow());
    }

    public Draft get(long id) {
        return view(owned(id));
    }

    public PageResult<Draft> mine(PageQuery page) {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        if (!applicantKind(user)) {
            return PageResult.of(List.of(), 0, page);
        }
        long total = rows.countMyDrafts(user.id());
        List<Draft> items = total == 0 ? List.of()
                : rows.myDrafts(user.id(), page.size(), page.offset()).stream().map(this::view).toList();
        return PageResult.of(items, total, page);
    }

    /** Deletes the draft and the files uploaded for it (documents reused from the store stay there). */
    @Transactional
    public void delete(long id) {
        owned(id);
        List<AttachmentRow> files = rows.draftAttachments(id);
        rows.deleteDraft(id);
        files.stream().filter(a -> a.storedDocumentId() == null).forEach(a -> store.delete(a.fileId()));
    }

    /** Uploads the file for one required document of the draft's procedure (replacing an earlier one). */
    @Transactional
    public Draft upload(long id, Integer documentIndex, InputStream content, String name) {
        DraftRow d = owned(id);
        int index = DossierAttachments.uploadIndex(procedures.get(d.procedureCode()), documentIndex);
        attachments.attachToDraft(id, index, content, name);
        return view(d);
    }

    /** Once-only: uses a result the citizen already holds in their document store for a required document. */
    @Transactional
    public Draft reuse(long id, Integer documentIndex, Long storedDocumentId) {
        DraftRow d = owned(id);
        Procedure procedure = procedures.get(d.procedureCode());
        int index = DossierAttachments.uploadIndex(procedure, documentIndex);
        if (storedDocumentId == null) {
            throw new InvalidInputException("storedDocumentId", "validation.required");
        }
        DocumentStore.StoredDocument doc = documentStore.mine(storedDocumentId);
        if (!DocumentStore.matches(procedure.documents().get(index), doc)) {
            throw new InvalidInputException("storedDocumentId", "dossiers.error.document-mismatch");
        }
        attachments.attachStoredToDraft(id, index, documentStore.file(doc), doc.id());
        return view(d);
    }

    @Transactional
    public Draft removeAttachment(long id, long attachmentId) {
        DraftRow d = owned(id);
        AttachmentRow a = rows.findAttachment(attachmentId).filter(r -> Long.valueOf(id).equals(r.draftId()))
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
        rows.deleteAttachment(a.id());
        if (a.storedDocumentId() == null) {
            store.delete(a.fileId());
        }
        return view(d);
    }

    /** The content of a file of one's own draft. */
    public vn.citygov.files.FileService.Download download(long id, long attachmentId) {
        owned(id);
        AttachmentRow a = rows.findAttachment(attachmentId).filter(r -> Long.valueOf(id).equals(r.draftId()))
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
        return attachments.content(a.fileId());
    }

    /**
     * Files the dossier: every problem (form, delivery, ward, missing uploads, see {@link OnlineDocuments}) comes
     * back at once and nothing is saved; otherwise the draft's documents move to the new dossier, the draft goes, and when the procedure
     * has a fee the online payment starts (see {@link DossierPayments}).
     */
    @Transactional
    public Submitted submit(long id) {
        owned(id);
        DraftRow d = rows.lockDraft(id).orElseThrow(() -> new NotFoundException("draft", id));
        Procedure procedure = procedures.get(d.procedureCode());
        List<AttachmentRow> attached = rows.draftAttachments(id);
        // The same check as every online filing: the draft's files count as given.
        Dossier dossier = dossiers.submit(new NewDossier(d.procedureCode(), d.values(), d.delivery(),
                d.postalAddress(), d.adminUnitCode(), "online", null),
                attached.stream().map(AttachmentRow::documentIndex).toList());
        rows.moveAttachments(id, dossier.id());
        attached.forEach(a -> onlineDocuments.published(dossier, a.documentIndex(), a.sha256(),
                a.storedDocumentId() != null));
        rows.deleteDraft(id);
        DossierPayments.DossierPayment payment = payments.startIfDue(dossier);
        return new Submitted(dossier, payment);
    }

    // ---- checks ----

    private DraftRow checked(DraftRow d) {
        List<Problem> problems = new ArrayList<>();
        String delivery = clean(d.delivery());
        if (delivery != null && !DossierService.DELIVERIES.contains(delivery)) {
            problems.add(new Problem("delivery", "dossiers.error.delivery"));
        }
        String postal = clean(d.postalAddress());
        if (postal != null && postal.length() > MAX_TEXT) {
            problems.add(new Problem("postalAddress", "dossiers.error.too-long"));
        }
        String unit = clean(d.adminUnitCode());
        if (unit != null && !ADMIN_UNIT.matcher(unit).matches()) {
            problems.add(new Problem("adminUnitCode", "dossiers.error.admin-unit"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDossierException(problems);
        }
        Map<String, Object> values = d.values() == null ? Map.of() : d.values();
        return new DraftRow(d.id(), d.ownerId(), d.procedureCode(), values, delivery, postal, unit, d.createdAt(),
                d.updatedAt(), d.version());
    }

    private Procedure procedure(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidDossierException(List.of(new Problem("procedureCode", "validation.required")));
        }
        Procedure procedure;
        try {
            procedure = procedures.get(code.strip());
        } catch (NotFoundException e) {
            throw new InvalidDossierException(List.of(new Problem("procedureCode", "dossiers.error.procedure-unknown")));
        }
        if ("counter_only".equals(procedure.onlineLevel())) {
            throw new InvalidDossierException(List.of(new Problem("procedureCode", "dossiers.error.counter-only")));
        }
        return procedure;
    }

    private static CityGovUser applicant() {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        if (!applicantKind(user)) {
            throw new ForbiddenException();
        }
        return user;
    }

    private static boolean applicantKind(CityGovUser user) {
        return user.kind() == UserKind.CITIZEN || user.kind() == UserKind.BUSINESS;
    }

    /** The draft if it is the caller's; 404 for everyone else, so draft ids reveal nothing. */
    private DraftRow owned(long id) {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        return rows.findDraft(id).filter(d -> applicantKind(user) && d.ownerId() == user.id())
                .orElseThrow(() -> new NotFoundException("draft", id));
    }

    private Draft view(DraftRow d) {
        Procedure p = procedures.get(d.procedureCode());
        List<Attachment> attached = rows.draftAttachments(d.id()).stream().map(DossierAttachments::view).toList();
        List<DocumentSlot> slots = new ArrayList<>();
        for (int i = 0; i < p.documents().size(); i++) {
            int index = i;
            Procedure.RequiredDocument doc = p.documents().get(i);
            slots.add(new DocumentSlot(i, doc.name(), doc.nameEn(), doc.kind(), DossierAttachments.required(doc),
                    attached.stream().filter(a -> a.documentIndex() == index).findFirst().orElse(null),
                    "upload".equals(doc.kind()) ? documentStore.matching(d.ownerId(), doc) : List.of()));
        }
        return new Draft(d.id(), p.code(), p.name(), p.nameEn(), d.values(), d.delivery(), d.postalAddress(),
                d.adminUnitCode(), d.createdAt(), d.updatedAt(), d.version(), slots);
    }

    private static String clean(String text) {
        if (text == null) {
            return null;
        }
        String s = java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFC);
        return s.isEmpty() ? null : s;
    }

    /** What a citizen sends to create or save a draft; nothing is required but the procedure. */
    public record DraftInput(String procedureCode, Map<String, Object> values, String delivery, String postalAddress,
            String adminUnitCode, Integer version) {
    }

    /**
     * A draft with, for each required document of its procedure, what is attached so far.
     *
     * @param documents one entry per required document, in the procedure's order
     */
    public record Draft(long id, String procedureCode, String procedureName, String procedureNameEn,
            Map<String, Object> values, String delivery, String postalAddress, String adminUnitCode,
            Instant createdAt, Instant updatedAt, int version, List<DocumentSlot> documents) {
    }

    /**
     * One required document of the procedure and the file given for it.
     *
     * @param kind upload, form or registry; only uploads take a file
     * @param required an upload that must be present at submission
     * @param attachment the file given, or null
     * @param reusable documents of the citizen's personal store that may be used instead of uploading
     */
    public record DocumentSlot(int index, String name, String nameEn, String kind, boolean required,
            Attachment attachment, List<DocumentStore.StoredDocument> reusable) {
    }

    /**
     * A filed dossier and, when its procedure has a fee, the payment to make now.
     *
     * @param payment null when nothing is due
     */
    public record Submitted(Dossier dossier, DossierPayments.DossierPayment payment) {
    }
}
