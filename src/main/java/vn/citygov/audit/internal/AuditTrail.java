package vn.citygov.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.citygov.audit.AuditEntry;
import vn.citygov.audit.ChainVerification;
import vn.citygov.platform.audit.AuditedChange;
import vn.citygov.platform.security.CurrentUser;

/**
 * Writes every {@link AuditedChange} inside the transaction that made the change, so the state and its
 * record commit or roll back together; {@link AuditSealer} links committed entries into the hash chain
 * moments later, so that writers never wait for each other (docs/adr/004).
 */
@Service
public class AuditTrail {

    private static final int VERIFY_BATCH = 5_000;

    private final AuditRepository repository;
    private final AuditSealer sealer;
    private final Clock clock;
    // Canonical JSON: sorted keys, so the same change always hashes the same way.
    private final JsonMapper canonical = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    AuditTrail(AuditRepository repository, AuditSealer sealer, Clock clock) {
        this.repository = repository;
        this.sealer = sealer;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void on(AuditedChange change) {
        OffsetDateTime now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        String changes = canonical.writeValueAsString(change.changes());
        repository.insert(new AuditEntry(0, now, CurrentUser.name(), clientAddress(), MDC.get("requestId"),
                change.objectType(), change.objectId(), change.action(), change.agencyCode(), changes, null, null,
                null));
    }

    /**
     * Seals what has committed so far, then walks the whole chain in its order and reports the first entry that
     * does not fit.
     */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        sealer.seal();
        String expectedPrev = ChainHasher.GENESIS;
        long checked = 0;
        long after = 0;
        List<AuditEntry> batch;
        do {
            batch = repository.chainAfter(after, VERIFY_BATCH);
            for (AuditEntry e : batch) {
                if (!e.prevHash().equals(expectedPrev)) {
                    return new ChainVerification(false, checked, e.id(), "link", repository.countUnsealed());
                }
                if (!ChainHasher.hashOf(e).equals(e.hash())) {
                    return new ChainVerification(false, checked, e.id(), "content", repository.countUnsealed());
                }
                expectedPrev = e.hash();
                checked++;
                after = e.seq();
            }
        } while (batch.size() == VERIFY_BATCH);
        return new ChainVerification(true, checked, null, null, repository.countUnsealed());
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
