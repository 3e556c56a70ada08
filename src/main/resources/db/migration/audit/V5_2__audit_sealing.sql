-- Entries are written with the change, in its transaction, and sealed into the hash chain moments later by
-- one sealer at a time (see docs/adr/004). The chain order is seq, the order of sealing; existing entries
-- were chained in id order.
ALTER TABLE audit_entry ADD COLUMN seq bigint;

-- Still append-only: the one update allowed is sealing an unsealed entry, which sets its place and hashes
-- and nothing else.
CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
       AND (NEW.id, NEW.occurred_at, NEW.actor, NEW.actor_ip, NEW.request_id, NEW.object_type, NEW.object_id,
            NEW.action, NEW.agency_code, NEW.changes)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.occurred_at, OLD.actor, OLD.actor_ip, OLD.request_id, OLD.object_type, OLD.object_id,
            OLD.action, OLD.agency_code, OLD.changes) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_entry is append-only';
END;
$$;

-- Entries chained before sealing existed keep their places (the trigger above allows exactly this).
UPDATE audit_entry SET seq = id;
ALTER TABLE audit_entry ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_seq_key UNIQUE (seq);
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_sealed_check
    CHECK ((seq IS NULL) = (hash IS NULL) AND (seq IS NULL) = (prev_hash IS NULL));
CREATE INDEX audit_entry_unsealed_idx ON audit_entry (id) WHERE seq IS NULL;
