package vn.citygov.audit;

import java.util.List;
import org.springframework.stereotype.Service;
import vn.citygov.audit.internal.AuditQueries;
import vn.citygov.audit.internal.AuditTrail;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;

/**
 * Reading and verifying the trail. City administrators read everything; an agency administrator reads
 * the entries of their own agency only.
 */
@Service
public class AuditService {

    private final AuditQueries queries;
    private final AuditTrail trail;

    AuditService(AuditQueries queries, AuditTrail trail) {
        this.queries = queries;
        this.trail = trail;
    }

    public AuditPage search(AuditFilter filter, Long beforeId, int size) {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        AuditFilter scoped = filter;
        if (!user.canCitywide("audit.read")) {
            List<String> agencies = user.agencyCodes().stream().filter(a -> user.can("audit.read", a)).sorted().toList();
            if (agencies.isEmpty() || (filter.agencyCode() != null && !agencies.contains(filter.agencyCode()))) {
                throw new ForbiddenException();
            }
            scoped = filter.withAgency(filter.agencyCode() != null ? filter.agencyCode() : agencies.getFirst());
        }
        return queries.search(scoped, beforeId, Math.max(1, Math.min(size, 100)));
    }

    public ChainVerification verify() {
        CurrentUser.require("audit.verify", null);
        return trail.verify();
    }


    /** A page of the trail, newest first, with the id to continue from. */
    public record AuditPage(List<AuditEntry> items, long total, Long nextBefore, int size) {
    }
}
