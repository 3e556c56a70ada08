-- The audit trail: append-only and hash-chained. Each entry's hash covers its content and the previous
-- entry's hash, so any edit, insertion or deletion in the middle breaks the chain at that point.
CREATE TABLE audit_entry (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    actor       text NOT NULL,
    actor_ip    text,
    request_id  text,
    object_type text NOT NULL,
    object_id   text NOT NULL,
    action      text NOT NULL,
    agency_code text,
    changes     text NOT NULL,   -- canonical JSON exactly as hashed (jsonb would reorder it)
    prev_hash   text NOT NULL,
    hash        text NOT NULL
);
CREATE INDEX audit_entry_object_idx ON audit_entry (object_type, object_id, id);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, id);
CREATE INDEX audit_entry_occurred_idx ON audit_entry (occurred_at);
CREATE INDEX audit_entry_agency_idx ON audit_entry (agency_code, id) WHERE agency_code IS NOT NULL;

-- The application may add entries but never change or remove them.
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only';
END;
$$;
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
