-- Procedures: the catalogue of administrative procedures with their fields, required documents and e-forms.
-- search_key holds TextFolding.fold of the code and names, so search ignores accents and case.

CREATE TABLE procedures_field (
    code     text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{2,64}$'),
    name     text NOT NULL,
    name_en  text NOT NULL,
    position integer NOT NULL
);

INSERT INTO procedures_field (code, name, name_en, position) VALUES
    ('civil-status', 'Hộ tịch', 'Civil status', 1),
    ('certification', 'Chứng thực', 'Certification', 2),
    ('justice', 'Tư pháp', 'Justice', 3),
    ('business-registration', 'Đăng ký kinh doanh', 'Business registration', 4),
    ('construction', 'Xây dựng', 'Construction', 5),
    ('land', 'Đất đai', 'Land', 6),
    ('environment', 'Môi trường', 'Environment', 7);

-- A ward procedure has no fixed agency: the applicant's ward People's Committee handles it.
CREATE TABLE procedures_procedure (
    code              text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9.-]{2,31}$'),
    name              text NOT NULL,
    name_en           text NOT NULL,
    field_code        text NOT NULL REFERENCES procedures_field (code),
    agency_code       text,
    level             text NOT NULL CHECK (level IN ('city_department', 'ward')),
    online_level      text NOT NULL CHECK (online_level IN ('full_online', 'partial_online', 'counter_only')),
    processing_days   integer NOT NULL CHECK (processing_days BETWEEN 0 AND 365),
    fee_vnd           bigint NOT NULL CHECK (fee_vnd >= 0),
    fee_note          text,
    fee_note_en       text,
    legal_basis       text NOT NULL,
    steps             jsonb NOT NULL DEFAULT '[]',
    result_document   text NOT NULL,
    result_document_en text NOT NULL,
    form_schema       jsonb NOT NULL DEFAULT '{"fields": []}',
    version           integer NOT NULL DEFAULT 0,
    search_key        text NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK ((level = 'ward') = (agency_code IS NULL))
);
CREATE INDEX procedures_procedure_search_idx ON procedures_procedure USING gin (search_key gin_trgm_ops);
CREATE INDEX procedures_procedure_field_idx ON procedures_procedure (field_code);
CREATE INDEX procedures_procedure_agency_idx ON procedures_procedure (agency_code);

CREATE TABLE procedures_document (
    procedure_code text NOT NULL REFERENCES procedures_procedure (code) ON DELETE CASCADE,
    position       integer NOT NULL,
    name           text NOT NULL,
    name_en        text NOT NULL,
    copies         integer NOT NULL CHECK (copies BETWEEN 0 AND 99),
    kind           text NOT NULL CHECK (kind IN ('upload', 'form', 'registry')),
    registry       text,
    registry_en    text,
    PRIMARY KEY (procedure_code, position),
    CHECK ((kind = 'registry') = (registry IS NOT NULL))
);

CREATE COLLATION IF NOT EXISTS procedures_vi (provider = icu, locale = 'vi');
