package vn.citygov.procedures.internal;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.citygov.procedures.ProcedureChanged;
import vn.citygov.procedures.WorkflowVersionSaved;

/**
 * The caches of procedure and workflow reads: a procedure's entry is dropped once its change commits, and every
 * workflow entry once a workflow version is saved (versions take effect by date, so one save can change which
 * version many days see).
 */
@Component
public class ProcedureCaches {

    public static final String PROCEDURES = "procedures.procedures";
    public static final String WORKFLOWS = "procedures.workflows";

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

    @TransactionalEventListener(fallbackExecution = true)
    void on(WorkflowVersionSaved event) {
        Cache cache = caches.getCache(WORKFLOWS);
        if (cache != null) {
            cache.clear();
        }
    }
}
