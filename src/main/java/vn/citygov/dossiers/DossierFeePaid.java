package vn.citygov.dossiers;

import java.util.Map;

/**
 * The dossier's fee was paid: online through the payments gateway ({@code online}), or in cash at the desk. The
 * service-quality index counts the dossiers paid online. Not a {@link DossierEvent}: it changes no state. Published
 * once per paid payment.
 */
public record DossierFeePaid(long dossierId, String code, String procedureCode, String agencyCode, long amountVnd,
        String receiptNumber, boolean online, DossierFacts facts) implements DossierChange {

    @Override
    public String action() {
        return "fee_paid";
    }

    @Override
    public Map<String, Object> changes() {
        return DossierChange.fields("amountVnd", amountVnd, "receiptNumber", receiptNumber, "online", online,
                "code", code, "procedureCode", procedureCode);
    }
}
