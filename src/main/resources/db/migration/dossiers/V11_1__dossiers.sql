-- Dossiers: applications for administrative procedures, their workflow state and history.
-- Sized for millions of rows: the work queue reads by agency and state, "my dossiers" by applicant,
-- the public lookup by code.

CREATE SEQUENCE dossiers_code_seq;

CREATE TABLE dossiers_dossier (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code             text UNIQUE,
    procedure_code   text NOT NULL,
    agency_code      text NOT NULL,
    admin_unit_code  text,
    applicant_id     bigint,
    applicant_name   text NOT NULL,
    submitted_by     text NOT NULL,
    channel          text NOT NULL CHECK (channel IN ('online', 'counter')),
    state            text NOT NULL CHECK (state IN ('submitted', 'supplement_requested', 'accepted', 'in_progress',
                         'approved', 'result_issued', 'returned', 'refused', 'withdrawn')),
    resume_state     text,
    form_values      jsonb NOT NULL DEFAULT '{}',
    delivery         text NOT NULL CHECK (delivery IN ('desk', 'post', 'electronic')),
    postal_address   text,
    processing_days  integer NOT NULL,
    submitted_at     timestamptz NOT NULL,
    received_at      timestamptz,
    due_at           timestamptz,
    paused_at        timestamptz,
    supplement_items jsonb,
    refusal_reason   text,
    finished_at      timestamptz,
    version          integer NOT NULL DEFAULT 0,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((delivery = 'post') = (postal_address IS NOT NULL)),
    CHECK ((channel = 'online') = (applicant_id IS NOT NULL))
);
CREATE INDEX dossiers_dossier_queue_idx ON dossiers_dossier (agency_code, state, submitted_at DESC, id DESC);
CREATE INDEX dossiers_dossier_agency_idx ON dossiers_dossier (agency_code, submitted_at DESC, id DESC);
CREATE INDEX dossiers_dossier_submitted_idx ON dossiers_dossier (submitted_at DESC, id DESC);
CREATE INDEX dossiers_dossier_applicant_idx ON dossiers_dossier (applicant_id, submitted_at DESC, id DESC)
    WHERE applicant_id IS NOT NULL;
CREATE INDEX dossiers_dossier_due_idx ON dossiers_dossier (due_at)
    WHERE state IN ('accepted', 'in_progress', 'approved');

-- One row per action: who did what, when, with which comment.
CREATE TABLE dossiers_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dossier_id  bigint NOT NULL REFERENCES dossiers_dossier (id),
    at          timestamptz NOT NULL,
    actor       text NOT NULL,
    action      text NOT NULL,
    from_state  text,
    to_state    text NOT NULL,
    comment     text
);
CREATE INDEX dossiers_history_dossier_idx ON dossiers_history (dossier_id, id);
