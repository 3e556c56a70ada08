package vn.citygov.dossiers.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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

    private final HandlingPointService points;
    // Desks change rarely and a dossier moves many times: each node keeps an agency's desk for a minute.
    private final Cache<String, Optional<String>> deskByAgency = Caffeine.newBuilder().maximumSize(5_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    HandlingPoints(HandlingPointService points) {
        this.points = points;
    }

    /** The agency's first active handling point that receives dossiers, or null. */
    public String deskOf(String agencyCode) {
        if (agencyCode == null) {
            return null;
        }
        return deskByAgency.get(agencyCode,
                agency -> desks(agency).stream().map(HandlingPoint::code).findFirst()).orElse(null);
    }

    /** The agency's active handling points that receive dossiers. */
    public List<HandlingPoint> desks(String agencyCode) {
        return points.ofAgency(agencyCode).stream()
                .filter(p -> p.active() && p.workKinds().contains(DOSSIER_WORK)).toList();
    }
}
