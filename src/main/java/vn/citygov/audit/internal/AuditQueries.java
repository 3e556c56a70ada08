package vn.citygov.audit.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.citygov.audit.AuditEntry;
import vn.citygov.audit.AuditFilter;
import vn.citygov.audit.AuditService.AuditPage;
import vn.citygov.platform.web.Dates;

/** Turns a filter into a keyset-paged query of the trail. */
@Component
public class AuditQueries {

    private final AuditRepository repository;

    AuditQueries(AuditRepository repository) {
        this.repository = repository;
    }

    public AuditPage search(AuditFilter filter, Long beforeId, int size) {
        AuditRepository.Criteria criteria = new AuditRepository.Criteria(filter.actor(), filter.objectType(),
                filter.objectId(), filter.action(), filter.agencyCode(), startOf(filter.from()),
                filter.to() == null ? null : startOf(filter.to().plusDays(1)));
        List<AuditEntry> items = repository.search(criteria, beforeId, size);
        Long next = items.size() == size ? items.getLast().id() : null;
        return new AuditPage(items, repository.count(criteria), next, size);
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(Dates.CITY_ZONE).toOffsetDateTime();
    }
}
