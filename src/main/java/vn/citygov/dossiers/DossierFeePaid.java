package vn.citygov.dossiers;

import java.util.Map;

/**
 * The applicant paid the dossier's fee online (through the payments gateway); the service-quality index counts the
 * dossier as paid online. Not a {@link DossierEvent}: it changes no state. Published once per paid payment.
 */
public record DossierFeePaid(long dossierId, String code, String procedureCode, String agencyCode, long amountVnd,
        String receiptNumber, DossierFacts facts) implements DossierChange {

    @Override
    public String action() {
        return "fee_paid";
    }

    @Override
    public Map<String, Object> changes() {
        return DossierChange.fields("amountVnd", amountVnd, "receiptNumber", receiptNumber, "code", code,
                "procedureCode", procedureCode);
    }
}
