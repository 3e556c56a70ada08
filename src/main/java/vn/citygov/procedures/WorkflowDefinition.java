package vn.citygov.procedures;

import java.time.LocalDate;
import java.util.List;

/**
 * A named processing workflow, in force from {@code effectiveFrom}: procedures refer to it by code, and a
 * dossier keeps the version in force the day it was accepted.
 */
public record WorkflowDefinition(String code, String name, String nameEn, LocalDate effectiveFrom,
        List<WorkflowStep> steps) {

    /** The workflow of procedures that name none. */
    public static final String DEFAULT = "standard";
}
