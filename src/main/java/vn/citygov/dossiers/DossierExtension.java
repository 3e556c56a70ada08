package vn.citygov.dossiers;

import java.time.LocalDate;

/**
 * A request to extend the appointment (form 04): allowed once per dossier.
 *
 * @param version the dossier version the request is based on
 * @param newDueDate the new appointment day: a working day after the current one
 * @param reason why the dossier is late, as the apology letter tells the applicant
 */
public record DossierExtension(Integer version, LocalDate newDueDate, String reason) {
}
