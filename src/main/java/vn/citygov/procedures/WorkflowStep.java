package vn.citygov.procedures;

import java.util.List;

/**
 * One step of a processing workflow.
 *
 * @param code stable within the workflow, e.g. {@code specialist}
 * @param kind one of {@link #KINDS}: what the step does, which decides the dossier actions it allows
 * @param permission what an official needs to act on the step: dossier.receive, dossier.process or dossier.approve
 * @param agencyCode a fixed agency for inter-agency steps; null: the dossier's competent agency
 * @param share percent of the processing time budget given to this step; the shares of a workflow sum to 100
 */
public record WorkflowStep(String code, String name, String nameEn, String kind, String permission,
        String agencyCode, Integer share) {

    public static final String RECEPTION = "reception";
    public static final String PROCESSING = "processing";
    public static final String APPROVAL = "approval";
    public static final String RESULT = "result";
    public static final String DELIVERY = "delivery";
    public static final List<String> KINDS = List.of(RECEPTION, PROCESSING, APPROVAL, RESULT, DELIVERY);
    public static final List<String> PERMISSIONS = List.of("dossier.receive", "dossier.process", "dossier.approve");
}
