package vn.citygov.dossiers.internal.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import vn.citygov.dossiers.Dossier;
import vn.citygov.procedures.Procedure;

/**
 * What a form is printed from.
 *
 * @param official the name of the official who took the step the form records
 * @param at when that step was taken: the form's date
 */
record FormFacts(Dossier dossier, Procedure procedure, String agencyName, String parentAgencyName, String official,
        Instant at, ZoneId zone) {

    LocalDate date() {
        return at.atZone(zone).toLocalDate();
    }

    FormPage page(String formNumber) {
        return new FormPage(formNumber, parentAgencyName, agencyName, date());
    }
}
