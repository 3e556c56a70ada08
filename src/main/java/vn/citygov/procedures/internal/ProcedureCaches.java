package vn.citygov.procedures.internal;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.citygov.procedures.ProcedureChanged;

/** The cache of procedure reads, dropped for a procedure once its change commits. */
@Component
public class ProcedureCaches {

    public static final String PROCEDURES = "procedures.procedures";

    private final CacheManager caches;

    ProcedureCaches(CacheManager caches) {
        this.caches = caches;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ProcedureChanged event) {
        Cache cache = caches.getCache(PROCEDURES);
        if (cache != null) {
            cache.evict(event.code());
        }
    }
}
