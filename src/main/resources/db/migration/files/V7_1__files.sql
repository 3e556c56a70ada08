-- Files: one row per stored attachment. The bytes live in the file store (filesystem or S3) under the id.
CREATE TABLE files_object (
    id            uuid PRIMARY KEY,
    owner_kind    text        NOT NULL CHECK (owner_kind IN ('user', 'system')),
    owner_id      bigint      NOT NULL,
    original_name text        NOT NULL CHECK (length(original_name) BETWEEN 1 AND 255),
    media_type    text        NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes    bigint      NOT NULL CHECK (size_bytes > 0),
    sha256        char(64)    NOT NULL,
    digitised     boolean     NOT NULL DEFAULT false,
    scan_status   text        NOT NULL CHECK (scan_status IN ('clean', 'not_scanned')),
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- A user's own files, newest first; and files never scanned, for a later sweep once a scanner exists.
CREATE INDEX files_object_owner ON files_object (owner_kind, owner_id, created_at DESC);
CREATE INDEX files_object_not_scanned ON files_object (created_at) WHERE scan_status = 'not_scanned';

-- City administrators may read and delete any file.
INSERT INTO identity_role_permission (role_code, permission) VALUES ('CITY_ADMIN', 'files.manage');
