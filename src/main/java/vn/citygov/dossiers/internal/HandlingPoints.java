package vn.citygov.dossiers.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

    private static final String WORK_AGENCY = """
            SELECT work_agency_code, handling_point_code FROM dossiers_dossier WHERE id = :id
            """;
    private static final String SET = "UPDATE dossiers_dossier SET handling_point_code = :code WHERE id = :id";

    private final JdbcClient jdbc;
    private final HandlingPointService points;
    // Desks change rarely and a dossier moves many times: each node keeps an agency's desk for a minute.
    private final Cache<String, Optional<String>> deskByAgency = Caffeine.newBuilder().maximumSize(5_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    HandlingPoints(JdbcClient jdbc, HandlingPointService points) {
        this.jdbc = jdbc;
        this.points = points;
    }

    /** Records the handling point of the agency that holds the dossier now (none when the agency has no desk). */
    public void follow(long dossierId) {
        String[] now = jdbc.sql(WORK_AGENCY).param("id", dossierId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        String desk = deskByAgency.get(now[0], agency -> Optional.ofNullable(deskOf(agency))).orElse(null);
        // Most steps stay in the same agency: no second write of the row then.
        if (!Objects.equals(desk, now[1])) {
            jdbc.sql(SET).param("code", desk).param("id", dossierId).update();
        }
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
