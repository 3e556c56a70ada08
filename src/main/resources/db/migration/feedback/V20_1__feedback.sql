-- Citizen feedback and incident reports (Cổng 1022): categories and routing as data, reports with their
-- history, photos, followers, and the submission log used for rate limits.

CREATE TABLE feedback_category (
    code            text PRIMARY KEY,
    name_vi         text NOT NULL,
    name_en         text NOT NULL,
    deadline_days   integer CHECK (deadline_days > 0),
    deadline_hours  integer CHECK (deadline_hours > 0),
    public          boolean NOT NULL DEFAULT true,
    active          boolean NOT NULL DEFAULT true,
    sort_order      integer NOT NULL DEFAULT 0,
    CHECK ((deadline_days IS NULL) <> (deadline_hours IS NULL))
);

-- Where reports are handled. A projection kept by this module: the directory's points that take
-- feedback, and (in demonstrations) the many small field teams the 1022 portal connects.
CREATE TABLE feedback_handling_point (
    code            text PRIMARY KEY,
    agency_code     text NOT NULL,
    name            text NOT NULL,
    name_en         text,
    admin_unit_code text
);
CREATE INDEX feedback_handling_point_agency_idx ON feedback_handling_point (agency_code);

-- Category × admin unit → handling point; a rule without a unit applies to every unit without its own.
CREATE TABLE feedback_routing (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    category_code       text NOT NULL REFERENCES feedback_category (code),
    admin_unit_code     text,
    handling_point_code text NOT NULL REFERENCES feedback_handling_point (code),
    UNIQUE NULLS NOT DISTINCT (category_code, admin_unit_code)
);

CREATE TABLE feedback_report (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code                text NOT NULL UNIQUE,
    token               uuid NOT NULL UNIQUE,
    category_code       text NOT NULL REFERENCES feedback_category (code),
    title               text NOT NULL,
    description         text NOT NULL,
    lat                 double precision NOT NULL,
    lon                 double precision NOT NULL,
    -- A grid cell of 0.01° (about 1.1 km): the map reads the newest reports cell by cell.
    cell                integer GENERATED ALWAYS AS ((floor(lat * 100))::integer * 100000
                            + (floor(lon * 100))::integer) STORED,
    address             text,
    admin_unit_code     text NOT NULL,
    handling_point_code text REFERENCES feedback_handling_point (code),
    agency_code         text,
    state               text NOT NULL CHECK (state IN ('received', 'assigned', 'in_progress', 'answered', 'closed',
                            'declined', 'merged')),
    channel             text NOT NULL CHECK (channel IN ('web', 'api', 'open311')),
    reporter_id         bigint,
    contact_name        text,
    contact_email       text,
    contact_phone       text,
    public              boolean NOT NULL,
    hidden              boolean NOT NULL DEFAULT false,
    hidden_reason       text,
    merged_into         bigint REFERENCES feedback_report (id),
    submitted_at        timestamptz NOT NULL,
    due_at              timestamptz NOT NULL,
    answered_at         timestamptz,
    closed_at           timestamptz,
    answer              text,
    overdue             boolean NOT NULL DEFAULT false,
    due_soon_notified   boolean NOT NULL DEFAULT false,
    reopened            boolean NOT NULL DEFAULT false,
    rating              integer CHECK (rating BETWEEN 1 AND 5),
    rated_at            timestamptz,
    search_text         text NOT NULL,
    media_url           text,
    version             integer NOT NULL DEFAULT 0,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (hidden = (hidden_reason IS NOT NULL)),
    CHECK ((state = 'merged') = (merged_into IS NOT NULL))
);
-- The public map: per grid cell of the box, the newest visible reports first (ReportRepository.newestInCells).
-- It carries every column the map shows or filters on, so the map is read from the index alone (no heap
-- page per report, which at a million reports is what made the box query slow).
CREATE INDEX feedback_report_map_idx ON feedback_report (cell, submitted_at DESC, id DESC)
    INCLUDE (lat, lon, code, category_code, title, admin_unit_code, handling_point_code, state, due_at, overdue)
    WHERE public AND NOT hidden AND state <> 'merged';
CREATE INDEX feedback_report_submitted_idx ON feedback_report (submitted_at DESC, id DESC);
CREATE INDEX feedback_report_point_idx ON feedback_report (handling_point_code, state, submitted_at DESC);
CREATE INDEX feedback_report_agency_idx ON feedback_report (agency_code, submitted_at DESC);
CREATE INDEX feedback_report_unit_idx ON feedback_report (admin_unit_code, submitted_at DESC);
CREATE INDEX feedback_report_due_idx ON feedback_report (due_at) WHERE state IN ('received', 'assigned', 'in_progress', 'declined');
CREATE INDEX feedback_report_reporter_idx ON feedback_report (reporter_id, submitted_at DESC) WHERE reporter_id IS NOT NULL;
CREATE INDEX feedback_report_similar_idx ON feedback_report USING gin (search_text gin_trgm_ops);

CREATE TABLE feedback_photo (
    report_id  bigint NOT NULL REFERENCES feedback_report (id),
    file_id    uuid NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('report', 'answer')),
    media_type text NOT NULL,
    position   integer NOT NULL,
    PRIMARY KEY (report_id, file_id)
);

CREATE TABLE feedback_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id   bigint NOT NULL REFERENCES feedback_report (id),
    at          timestamptz NOT NULL,
    actor       text NOT NULL,
    action      text NOT NULL,
    from_state  text,
    to_state    text NOT NULL,
    comment     text,
    internal    boolean NOT NULL DEFAULT false
);
CREATE INDEX feedback_history_report_idx ON feedback_history (report_id, id);

CREATE TABLE feedback_follower (
    report_id  bigint NOT NULL REFERENCES feedback_report (id),
    email      text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (report_id, email)
);

-- One row per accepted submission, per source (ip:… and user:…), for the sliding-window rate limit.
CREATE TABLE feedback_submission (
    source text NOT NULL,
    at     timestamptz NOT NULL
);
CREATE INDEX feedback_submission_idx ON feedback_submission (source, at);
