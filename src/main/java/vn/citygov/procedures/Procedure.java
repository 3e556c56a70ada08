package vn.citygov.procedures;

import java.util.List;

/**
 * An administrative procedure of the catalogue, with all its parts. {@code version} is required back
 * when changing it.
 *
 * @param code national (e.g. {@code 1.000894}) or city code; unique and stable
 * @param agencyCode the competent agency; null for ward procedures (the applicant's ward People's Committee)
 * @param level one of {@link #LEVELS}
 * @param onlineLevel one of {@link #ONLINE_LEVELS}
 * @param feeVnd fee in VND, 0 when free
 * @param workflow code of the processing workflow its dossiers follow (see {@link ProcedureWorkflows})
 */
public record Procedure(String code, String name, String nameEn, String fieldCode, String agencyCode, String level,
        String onlineLevel, int processingDays, long feeVnd, String feeNote, String feeNoteEn, String legalBasis,
        List<Step> steps, String resultDocument, String resultDocumentEn, List<RequiredDocument> documents,
        FormSchema form, String workflow, int version) {

    public static final List<String> LEVELS = List.of("city_department", "ward");
    public static final List<String> ONLINE_LEVELS = List.of("full_online", "partial_online", "counter_only");

    public boolean ward() {
        return "ward".equals(level);
    }

    /** The fee as people read it in Vietnam, e.g. "50.000 ₫"; null when free. */
    public String feeText() {
        return Fees.format(feeVnd);
    }

    /** The input that would recreate this procedure: what the JSON export holds. */
    public ProcedureInput toInput() {
        return new ProcedureInput(code, name, nameEn, fieldCode, agencyCode, level, onlineLevel, processingDays, feeVnd,
                feeNote, feeNoteEn, legalBasis, steps, resultDocument, resultDocumentEn, documents, form, workflow, null);
    }

    /** One plain-language step of the procedure, in both languages. */
    public record Step(String text, String textEn) {
    }

    /**
     * A document the applicant provides.
     *
     * @param kind one of {@link #KINDS}: a file, an e-form field group, or data the city already holds
     * @param registry for kind {@code registry}: the city registry it is taken from (once-only)
     */
    public record RequiredDocument(String name, String nameEn, Integer copies, String kind, String registry,
            String registryEn) {

        public static final List<String> KINDS = List.of("upload", "form", "registry");
    }
}
