package vn.citygov.dossiers.web;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.citygov.dossiers.Dossier;
import vn.citygov.dossiers.DossierService;
import vn.citygov.dossiers.Workflow;
import vn.citygov.dossiers.internal.DossierAttachments;
import vn.citygov.dossiers.internal.DossierAttachments.Attachment;
import vn.citygov.dossiers.internal.DossierDrafts;
import vn.citygov.dossiers.internal.DossierPayments;
import vn.citygov.dossiers.internal.DossierPayments.DossierPayment;
import vn.citygov.dossiers.internal.ResultDocuments;
import vn.citygov.dossiers.internal.Shipments;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;
import vn.citygov.procedures.Procedure;
import vn.citygov.procedures.ProcedureService;

/**
 * What the dossier pages show of submission: documents, payment, result and shipment of a dossier, and the
 * citizen's drafts. Templates ask for it ({@code @submissionViews}), so the dossier pages' controller needs no
 * change to show it.
 */
@Component("submissionViews")
class SubmissionViews {

    private final DossierDrafts drafts;
    private final DossierAttachments attachments;
    private final DossierPayments payments;
    private final ResultDocuments results;
    private final Shipments shipments;
    private final ProcedureService procedures;

    SubmissionViews(DossierDrafts drafts, DossierAttachments attachments, DossierPayments payments,
            ResultDocuments results, Shipments shipments, ProcedureService procedures) {
        this.drafts = drafts;
        this.attachments = attachments;
        this.payments = payments;
        this.results = results;
        this.shipments = shipments;
        this.procedures = procedures;
    }

    /** The current person's drafts for "My dossiers" (none for officials). */
    public PageResult<DossierDrafts.Draft> drafts() {
        return drafts.mine(new PageQuery(0, PageQuery.MAX_SIZE));
    }

    /** Everything the submission part of a dossier page shows, and which forms the viewer may use. */
    public Panel panel(Dossier d) {
        CityGovUser user = CurrentUser.get().orElseThrow();
        Procedure p = procedures.get(d.procedureCode());
        boolean open = !Workflow.FINAL_STATES.contains(d.state());
        List<DossierPayment> paid = payments.of(d);
        boolean owner = d.applicantId() != null && user.id() == d.applicantId()
                && user.kind() != CityGovUser.UserKind.MACHINE;
        boolean due = "online".equals(d.channel()) && d.feeVnd() != null && d.feeVnd() > 0;
        boolean mayPay = owner && due && open
                && paid.stream().noneMatch(x -> x.status().equals("pending") || x.status().equals("paid"));
        ResultDocuments.Result result = results.of(d).orElse(null);
        Shipments.Shipment shipment = shipments.of(d).orElse(null);
        boolean desk = user.can(DossierService.RECEIVE, d.agencyCode());
        boolean signer = user.can(DossierService.PROCESS, d.agencyCode())
                || user.can(DossierService.APPROVE, d.agencyCode());
        boolean mayTakeAtDesk = desk && open && "counter".equals(d.channel()) && d.feeVnd() != null && d.feeVnd() > 0
                && paid.stream().noneMatch(x -> x.status().equals("paid"));
        return new Panel(p, owner, attachments.of(d), paid, due || !paid.isEmpty() ? DossierPayments.status(paid) : null,
                mayPay, mayTakeAtDesk,
                result, signer && result == null
                        && (Workflow.APPROVED.equals(d.state()) || Workflow.RESULT_ISSUED.equals(d.state())),
                shipment, desk && shipment == null && "post".equals(d.delivery())
                        && (Workflow.RESULT_ISSUED.equals(d.state()) || Workflow.RETURNED.equals(d.state())),
                desk && open);
    }

    /**
     * @param owner the viewer is the applicant
     * @param paymentStatus pending, paid, cancelled or refunded; null when nothing is due online
     * @param mayTakeAtDesk the viewer (the desk) may record the counter fee as paid in cash
     * @param maySign the viewer may attach and sign off the result now
     * @param mayShip the viewer may hand the result to the post now
     * @param mayScan the viewer (the desk) may scan in paper documents
     */
    record Panel(Procedure procedure, boolean owner, List<Attachment> attachments, List<DossierPayment> payments,
            String paymentStatus, boolean mayPay, boolean mayTakeAtDesk, ResultDocuments.Result result, boolean maySign,
            Shipments.Shipment shipment, boolean mayShip, boolean mayScan) {
    }
}
