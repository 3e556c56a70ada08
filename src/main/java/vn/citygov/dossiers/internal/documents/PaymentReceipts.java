package vn.citygov.dossiers.internal.documents;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.citygov.calendar.WorkingDayCalendar;
import vn.citygov.dossiers.Dossier;
import vn.citygov.dossiers.DossierService;
import vn.citygov.dossiers.internal.DossierPayments;
import vn.citygov.dossiers.internal.DossierPayments.DossierPayment;
import vn.citygov.dossiers.internal.DossierRepository;
import vn.citygov.dossiers.internal.DossierRow;
import vn.citygov.platform.error.ConflictException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.procedures.Procedure;
import vn.citygov.procedures.ProcedureService;

/**
 * The payment receipt (biên lai thu phí, lệ phí) of a dossier whose fee was paid: for its applicant and the
 * officials of its agency, under the dossier's access rules.
 */
@Component
public class PaymentReceipts {

    private final DossierService dossiers;
    private final DossierRepository rows;
    private final DossierPayments payments;
    private final ReceptionDocuments documents;
    private final ProcedureService procedures;
    private final ZoneId zone;
    private final String baseUrl;

    PaymentReceipts(DossierService dossiers, DossierRepository rows, DossierPayments payments,
            ReceptionDocuments documents, ProcedureService procedures, WorkingDayCalendar calendar,
            @Value("${citygov.base-url}") String baseUrl) {
        this.dossiers = dossiers;
        this.rows = rows;
        this.payments = payments;
        this.documents = documents;
        this.procedures = procedures;
        this.zone = calendar.zone();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * The dossier named by its code (H29-…) or, before it has one, its id; read with the dossier's access rules
     * (someone else's: 404, an official of another agency: 403).
     */
    public Dossier dossier(String codeOrId) {
        String key = codeOrId == null ? "" : codeOrId.strip().toUpperCase(Locale.ROOT);
        if (key.matches("[0-9]{1,18}")) {
            return dossiers.get(Long.parseLong(key));
        }
        if (!DossierService.CODE.matcher(key).matches()) {
            throw new NotFoundException("dossier", codeOrId);
        }
        DossierRow row = rows.findByCode(key).orElseThrow(() -> new NotFoundException("dossier", codeOrId));
        return dossiers.get(row.id());
    }

    /** The payment the receipt is for: the latest one that was paid (refunded later or not). */
    public Optional<DossierPayment> paid(Dossier d) {
        return payments.of(d).stream().filter(p -> p.receiptNumber() != null && p.paidAt() != null)
                .max(Comparator.comparing(DossierPayment::paidAt));
    }

    /** The receipt's PDF; 409 when the dossier's fee has not been paid. */
    public byte[] pdf(Dossier d) {
        DossierPayment payment = paid(d).orElseThrow(() -> new ConflictException("dossiers.error.not-paid"));
        Procedure procedure = procedures.get(d.procedureCode());
        String lookup = d.code() == null ? baseUrl + "/lookup" : baseUrl + "/lookup?code=" + d.code();
        return PaymentReceiptForm.render(d, procedure, payment, documents.agencyName(d.agencyCode()),
                documents.parentAgencyName(d.agencyCode()), List.of(new PaymentReceiptForm.Item(
                        "Phí, lệ phí giải quyết thủ tục: " + procedure.name(), payment.amountVnd())),
                d.channel(), lookup, zone);
    }

    /** The file name offered on download, e.g. bien-lai-BL-2026-12.pdf. */
    public String fileName(Dossier d) {
        return "bien-lai-" + paid(d).map(DossierPayment::receiptNumber).orElse(String.valueOf(d.id())) + ".pdf";
    }
}
