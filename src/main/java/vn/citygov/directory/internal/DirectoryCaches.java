package vn.citygov.directory.internal;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.citygov.directory.AgencyCreated;
import vn.citygov.directory.AgencyMerged;
import vn.citygov.directory.AgencyUpdated;

/**
 * The directory's caches of agency reads, cleared whole after any agency change commits: a merge or a
 * move also changes other agencies' parents and children, and changes are rare.
 */
@Component
public class DirectoryCaches {

    public static final String AGENCIES = "directory.agencies";
    public static final String AGENCY_EXISTS = "directory.agency-exists";

    private final CacheManager caches;

    DirectoryCaches(CacheManager caches) {
        this.caches = caches;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AgencyCreated event) {
        clear();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AgencyUpdated event) {
        clear();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AgencyMerged event) {
        clear();
    }

    private void clear() {
        for (String name : new String[] {AGENCIES, AGENCY_EXISTS}) {
            Cache cache = caches.getCache(name);
            if (cache != null) {
                cache.clear();
            }
        }
    }
}
