-- Directory: administrative units, agencies and their handling points, with a change history.
-- search_key holds TextFolding.fold of the names and code, so search ignores accents and case.

CREATE TABLE directory_admin_unit (
    code           text PRIMARY KEY CHECK (code ~ '^[0-9]{5}$'),
    name           text NOT NULL,
    short_name     text NOT NULL,
    name_en        text NOT NULL,
    type           text NOT NULL CHECK (type IN ('phuong', 'xa', 'dac_khu')),
    official_order integer,
    old_province   text,
    label_lat      numeric(9, 6),
    label_lon      numeric(9, 6),
    bbox_min_lon   numeric(9, 6),
    bbox_min_lat   numeric(9, 6),
    bbox_max_lon   numeric(9, 6),
    bbox_max_lat   numeric(9, 6),
    area_km2       numeric(10, 2),
    merged_from_codes text,
    merged_from    text,
    search_key     text NOT NULL
);
CREATE INDEX directory_admin_unit_search_idx ON directory_admin_unit USING gin (search_key gin_trgm_ops);

CREATE TABLE directory_agency (
    code            text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{2,64}$'),
    name            text NOT NULL,
    name_en         text,
    kind            text NOT NULL CHECK (kind IN ('city_executive', 'council', 'department', 'ward_committee',
                                                 'public_service_centre', 'other')),
    parent_code     text REFERENCES directory_agency (code),
    admin_unit_code text REFERENCES directory_admin_unit (code),
    address         text,
    phone           text,
    email           text,
    website         text,
    status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged', 'dissolved')),
    merged_into     text REFERENCES directory_agency (code),
    valid_from      date,
    note            text,
    version         integer NOT NULL DEFAULT 0,
    search_key      text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (parent_code IS DISTINCT FROM code),
    CHECK ((status = 'merged') = (merged_into IS NOT NULL))
);
CREATE INDEX directory_agency_search_idx ON directory_agency USING gin (search_key gin_trgm_ops);
CREATE INDEX directory_agency_parent_idx ON directory_agency (parent_code);
CREATE INDEX directory_agency_unit_idx ON directory_agency (admin_unit_code);

CREATE TABLE directory_handling_point (
    code            text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{2,64}$'),
    agency_code     text NOT NULL REFERENCES directory_agency (code),
    name            text NOT NULL,
    name_en         text,
    address         text,
    admin_unit_code text REFERENCES directory_admin_unit (code),
    phone           text,
    email           text,
    -- What the point receives: dossier (one-stop dossiers), feedback (1022 reports), complaint.
    work_kinds      text[] NOT NULL DEFAULT '{}'
                    CHECK (work_kinds <@ ARRAY['dossier', 'feedback', 'complaint']::text[]),
    active          boolean NOT NULL DEFAULT true,
    version         integer NOT NULL DEFAULT 0,
    search_key      text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX directory_handling_point_search_idx ON directory_handling_point USING gin (search_key gin_trgm_ops);
CREATE INDEX directory_handling_point_agency_idx ON directory_handling_point (agency_code);
CREATE INDEX directory_handling_point_unit_idx ON directory_handling_point (admin_unit_code);

-- Append-only: renames, mergers and edits keep the values before and after.
CREATE TABLE directory_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    object_type text NOT NULL CHECK (object_type IN ('agency', 'handling_point')),
    object_code text NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    changed_by  text NOT NULL,
    action      text NOT NULL CHECK (action IN ('created', 'renamed', 'updated', 'merged', 'dissolved')),
    old_values  jsonb,
    new_values  jsonb
);
CREATE INDEX directory_history_object_idx ON directory_history (object_type, object_code, changed_at DESC, id DESC);

-- Vietnamese alphabetical order (Đ after D, tones after the base letter) for sorted lists.
CREATE COLLATION IF NOT EXISTS directory_vi (provider = icu, locale = 'vi');
