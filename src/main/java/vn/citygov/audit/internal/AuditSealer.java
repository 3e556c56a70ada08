package vn.citygov.audit.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.audit.AuditEntry;

/**
 * Links committed audit entries into the hash chain, in the order it finds them, a batch per statement.
 * Runs every fraction of a second and before each verification; one sealer at a time across all nodes
 * (a transaction-level advisory lock), so the chain stays linear while writers never wait for it.
 */
@Component
class AuditSealer {

    private static final int BATCH = 1_000;

    private final AuditRepository repository;

    AuditSealer(AuditRepository repository) {
        this.repository = repository;
    }

    @Scheduled(fixedDelayString = "${citygov.audit.seal-interval:PT0.2S}")
    void sealRegularly() {
        seal();
    }

    /** Seals every entry committed so far; returns how many. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long seal() {
        repository.lockChain();
        AuditRepository.ChainEnd end = repository.lastSealed()
                .orElse(new AuditRepository.ChainEnd(0, ChainHasher.GENESIS));
        long seq = end.seq();
        String prev = end.hash();
        long sealed = 0;
        List<AuditEntry> batch;
        do {
            batch = repository.unsealed(BATCH);
            List<AuditEntry> linked = new ArrayList<>(batch.size());
            for (AuditEntry e : batch) {
                AuditEntry withPrev = new AuditEntry(e.id(), e.occurredAt(), e.actor(), e.actorIp(), e.requestId(),
                        e.objectType(), e.objectId(), e.action(), e.agencyCode(), e.changes(), prev, null, ++seq);
                prev = ChainHasher.hashOf(withPrev);
                linked.add(new AuditEntry(e.id(), e.occurredAt(), e.actor(), e.actorIp(), e.requestId(),
                        e.objectType(), e.objectId(), e.action(), e.agencyCode(), e.changes(), withPrev.prevHash(),
                        prev, seq));
            }
            if (!linked.isEmpty()) {
                repository.seal(linked);
                sealed += linked.size();
            }
        } while (batch.size() == BATCH);
        return sealed;
    }
}
