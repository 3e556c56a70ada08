-- Shared extensions and platform tables.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Spring Modulith's event publication registry (the outbox).
CREATE TABLE event_publication (
    id               uuid PRIMARY KEY,
    listener_id      text NOT NULL,
    event_type       text NOT NULL,
    serialized_event text NOT NULL,
    publication_date timestamptz NOT NULL,
    completion_date  timestamptz,
    status           text,
    completion_attempts integer,
    last_resubmission_date timestamptz
);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);

-- Idempotency-Key store: a retried creating POST gets the first answer back.
CREATE TABLE platform_idempotency (
    idempotency_key text NOT NULL,
    principal       text NOT NULL,
    method_path     text NOT NULL,
    request_hash    text NOT NULL,
    status          integer,
    content_type    text,
    body            bytea,
    location        text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, idempotency_key)
);
CREATE INDEX platform_idempotency_created_idx ON platform_idempotency (created_at);
