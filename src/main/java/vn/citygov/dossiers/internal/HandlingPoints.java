package vn.citygov.dossiers.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.citygov.directory.HandlingPoint;
import vn.citygov.directory.HandlingPointService;

/**
 * Which handling point has a dossier: the directory's active point receiving dossiers (the one-stop desk) of the
 * agency holding it now. Recorded on the dossier row as it moves, for the work queue's handling-point filter.
 */
@Component
public class HandlingPoints {

    static final String DOSSIER_WORK = "dossier";

    private static final String WORK_AGENCY = "SELECT work_agency_code FROM dossiers_dossier WHERE id = :id";
    private static final String SET = "UPDATE dossiers_dossier SET handling_point_code = :code WHERE id = :id";

    private final JdbcClient jdbc;
    private final HandlingPointService points;

    HandlingPoints(JdbcClient jdbc, HandlingPointService points) {
        this.jdbc = jdbc;
        this.points = points;
    }

    /** Records the handling point of the agency that holds the dossier now (none when the agency has no desk). */
    public void follow(long dossierId) {
        String agency = jdbc.sql(WORK_AGENCY).param("id", dossierId).query(String.class).single();
        jdbc.sql(SET).param("code", deskOf(agency)).param("id", dossierId).update();
    }

    /** The agency's first active handling point that receives dossiers, or null. */
    public String deskOf(String agencyCode) {
        return desks(agencyCode).stream().map(HandlingPoint::code).findFirst().orElse(null);
    }

    /** The agency's active handling points that receive dossiers. */
    public List<HandlingPoint> desks(String agencyCode) {
        return points.ofAgency(agencyCode).stream()
                .filter(p -> p.active() && p.workKinds().contains(DOSSIER_WORK)).toList();
    }
}
