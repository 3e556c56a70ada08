-- Online submission beyond the e-form: drafts, attached documents, the online payment of the fee, result
-- documents, the personal document store and postal return. Files themselves stay in the files module; these
-- tables only say which file belongs to which dossier and why.

-- A citizen's unfinished online dossier: values partly filled, not checked as complete. Private to its owner.
CREATE TABLE dossiers_draft (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id       bigint NOT NULL,
    procedure_code text NOT NULL,
    form_values    jsonb NOT NULL DEFAULT '{}',
    delivery       text CHECK (delivery IN ('desk', 'post', 'electronic')),
    postal_address text CHECK (length(postal_address) <= 500),
    admin_unit_code text CHECK (admin_unit_code ~ '^[0-9]{5}$'),
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    version        integer NOT NULL DEFAULT 0
);
CREATE INDEX dossiers_draft_owner_idx ON dossiers_draft (owner_id, updated_at DESC, id DESC);

-- A file given for one required document of the procedure (its position in the procedure's list). It belongs to
-- a draft while the citizen prepares it and moves to the dossier when submitted; exactly one of the two is set.
-- stored_document_id: the citizen picked a result they already hold instead of uploading (once-only).
CREATE TABLE dossiers_attachment (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    draft_id           bigint REFERENCES dossiers_draft (id) ON DELETE CASCADE,
    dossier_id         bigint REFERENCES dossiers_dossier (id),
    document_index     integer NOT NULL CHECK (document_index >= 0),
    file_id            uuid NOT NULL,
    original_name      text NOT NULL,
    media_type         text NOT NULL,
    size_bytes         bigint NOT NULL,
    sha256             char(64) NOT NULL,
    stored_document_id bigint,
    digitised          boolean NOT NULL DEFAULT false,
    uploaded_by        text NOT NULL,
    uploaded_at        timestamptz NOT NULL,
    CHECK ((draft_id IS NULL) <> (dossier_id IS NULL))
);
CREATE INDEX dossiers_attachment_draft_idx ON dossiers_attachment (draft_id) WHERE draft_id IS NOT NULL;
CREATE INDEX dossiers_attachment_dossier_idx ON dossiers_attachment (dossier_id) WHERE dossier_id IS NOT NULL;

-- The online payment of a dossier's fee, as far as dossiers need to know it: a projection kept from the
-- payments module's events (payments never learn about dossiers; the payment reference names the dossier).
CREATE TABLE dossiers_payment (
    payment_id     uuid PRIMARY KEY,
    dossier_id     bigint NOT NULL REFERENCES dossiers_dossier (id),
    amount_vnd     bigint NOT NULL CHECK (amount_vnd > 0),
    status         text NOT NULL CHECK (status IN ('pending', 'paid', 'cancelled', 'refunded')),
    receipt_number text,
    redirect_url   text NOT NULL,
    created_at     timestamptz NOT NULL,
    paid_at        timestamptz,
    closed_at      timestamptz
);
CREATE INDEX dossiers_payment_dossier_idx ON dossiers_payment (dossier_id, created_at DESC);

-- The signed-off result document of a dossier: at most one.
CREATE TABLE dossiers_result (
    dossier_id    bigint PRIMARY KEY REFERENCES dossiers_dossier (id),
    file_id       uuid NOT NULL,
    original_name text NOT NULL,
    media_type    text NOT NULL,
    size_bytes    bigint NOT NULL,
    sha256        char(64) NOT NULL,
    signed_by     text NOT NULL,
    signed_by_name text NOT NULL,
    signed_at     timestamptz NOT NULL
);

-- The personal document store (kho quản lý dữ liệu điện tử của cá nhân): results issued electronically to a
-- citizen, reusable in later dossiers instead of uploading the paper again.
CREATE TABLE dossiers_document_store (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id          bigint NOT NULL,
    dossier_id        bigint NOT NULL UNIQUE REFERENCES dossiers_dossier (id),
    document_type     text NOT NULL,
    document_type_en  text NOT NULL,
    file_id           uuid NOT NULL,
    original_name     text NOT NULL,
    media_type        text NOT NULL,
    size_bytes        bigint NOT NULL,
    sha256            char(64) NOT NULL,
    stored_at         timestamptz NOT NULL
);
CREATE INDEX dossiers_document_store_owner_idx ON dossiers_document_store (owner_id, stored_at DESC);

ALTER TABLE dossiers_attachment
    ADD CONSTRAINT dossiers_attachment_stored_fk FOREIGN KEY (stored_document_id)
        REFERENCES dossiers_document_store (id);

-- Postal return of results: one shipment per dossier delivered by post, and every status update the postal
-- partner sent, once per its update id (a replayed update changes nothing).
CREATE TABLE dossiers_shipment (
    dossier_id      bigint PRIMARY KEY REFERENCES dossiers_dossier (id),
    carrier         text NOT NULL CHECK (length(carrier) BETWEEN 1 AND 100),
    tracking_number text NOT NULL UNIQUE CHECK (length(tracking_number) BETWEEN 1 AND 64),
    status          text NOT NULL CHECK (status IN ('handed_to_post', 'in_transit', 'delivered',
                        'returned_to_sender')),
    created_by      text NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE TABLE dossiers_shipment_update (
    update_id   text PRIMARY KEY CHECK (length(update_id) BETWEEN 1 AND 100),
    dossier_id  bigint NOT NULL REFERENCES dossiers_shipment (dossier_id),
    status      text NOT NULL CHECK (status IN ('handed_to_post', 'in_transit', 'delivered', 'returned_to_sender')),
    occurred_at timestamptz NOT NULL,
    note        text CHECK (length(note) <= 500),
    received_at timestamptz NOT NULL
);
CREATE INDEX dossiers_shipment_update_dossier_idx ON dossiers_shipment_update (dossier_id, occurred_at);

-- Postal partners update shipments with an API key holding this scope.
INSERT INTO identity_role_permission (role_code, permission) VALUES ('CITY_ADMIN', 'dossier.shipment.update');
