package vn.citygov.procedures;

import java.util.List;
import vn.citygov.procedures.Procedure.RequiredDocument;
import vn.citygov.procedures.Procedure.Step;

/**
 * A procedure as sent to create, update or import it; also the form of the JSON export, so an export
 * imports back unchanged. {@code version} is needed only to update through {@code PUT}; {@code workflow} defaults to
 * {@value WorkflowDefinition#DEFAULT}.
 */
public record ProcedureInput(String code, String name, String nameEn, String fieldCode, String agencyCode,
        String level, String onlineLevel, Integer processingDays, Long feeVnd, String feeNote, String feeNoteEn,
        String legalBasis, List<Step> steps, String resultDocument, String resultDocumentEn,
        List<RequiredDocument> documents, FormSchema form, String workflow, Integer version) {
}
