-- Users of every kind, roles as data, and the credentials the API accepts.
CREATE TABLE identity_user (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username         text NOT NULL,
    display_name     text NOT NULL,
    email            text,
    phone            text,
    kind             text NOT NULL CHECK (kind IN ('CITIZEN', 'BUSINESS', 'OFFICIAL', 'AGENCY_ADMIN', 'CITY_ADMIN')),
    password_hash    text,
    -- An account linked to an outside identity provider (the national identity service) by its subject.
    external_issuer  text,
    external_subject text,
    enabled          boolean NOT NULL DEFAULT true,
    failed_attempts  integer NOT NULL DEFAULT 0,
    locked_until     timestamptz,
    demo             boolean NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    version          integer NOT NULL DEFAULT 0,
    UNIQUE (external_issuer, external_subject)
);
CREATE UNIQUE INDEX identity_user_username_idx ON identity_user (lower(username));
CREATE INDEX identity_user_email_idx ON identity_user (lower(email));

CREATE TABLE identity_role (
    code        text PRIMARY KEY,
    name_vi     text NOT NULL,
    name_en     text NOT NULL,
    description text
);

CREATE TABLE identity_role_permission (
    role_code  text NOT NULL REFERENCES identity_role (code) ON DELETE CASCADE,
    permission text NOT NULL,
    PRIMARY KEY (role_code, permission)
);

-- A role held by a user, citywide (agency_code NULL) or within one agency.
CREATE TABLE identity_user_role (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    role_code   text NOT NULL REFERENCES identity_role (code),
    agency_code text,
    handling_point_code text,
    UNIQUE NULLS NOT DISTINCT (user_id, role_code, agency_code, handling_point_code)
);
CREATE INDEX identity_user_role_user_idx ON identity_user_role (user_id);

-- Bearer access tokens: only a SHA-256 of each token is stored.
CREATE TABLE identity_access_token (
    token_hash text PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    issued_at  timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX identity_access_token_expiry_idx ON identity_access_token (expires_at);

-- Machine API keys for outside systems, each limited to the permissions in scopes.
CREATE TABLE identity_api_key (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL,
    key_prefix  text NOT NULL,
    key_hash    text NOT NULL UNIQUE,
    scopes      text[] NOT NULL,
    agency_code text,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz,
    last_used_at timestamptz
);

CREATE TABLE identity_password_reset (
    token_hash text PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);

INSERT INTO identity_role (code, name_vi, name_en, description) VALUES
  ('CITIZEN', 'Công dân', 'Citizen', 'A person using public services for themselves'),
  ('BUSINESS', 'Đại diện doanh nghiệp', 'Business representative', 'Acts for a business or organisation'),
  ('OFFICIAL', 'Cán bộ, công chức', 'Official', 'Handles work of the agencies and handling points assigned'),
  ('AGENCY_ADMIN', 'Quản trị cơ quan', 'Agency administrator', 'Administers one agency: its directory entry, handling points and staff'),
  ('CITY_ADMIN', 'Quản trị Thành phố', 'City administrator', 'Administers the whole platform');

INSERT INTO identity_role_permission (role_code, permission) VALUES
  ('OFFICIAL', 'directory.view-internal'),
  ('AGENCY_ADMIN', 'directory.view-internal'),
  ('AGENCY_ADMIN', 'directory.edit'),
  ('AGENCY_ADMIN', 'identity.user.read'),
  ('AGENCY_ADMIN', 'audit.read'),
  ('CITY_ADMIN', 'directory.view-internal'),
  ('CITY_ADMIN', 'directory.edit'),
  ('CITY_ADMIN', 'directory.create'),
  ('CITY_ADMIN', 'calendar.holiday.edit'),
  ('CITY_ADMIN', 'audit.read'),
  ('CITY_ADMIN', 'audit.verify'),
  ('CITY_ADMIN', 'identity.user.read'),
  ('CITY_ADMIN', 'identity.user.manage'),
  ('CITY_ADMIN', 'identity.apikey.manage'),
  ('CITY_ADMIN', 'notification.mail.read');
