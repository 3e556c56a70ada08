-- Service-quality index (Decision 766/QĐ-TTg), KPI targets and the operations-centre dashboard.
-- insight never reads other modules' tables: it keeps its own log of facts from their events.

-- Every fact insight has counted, once per event id. The primary key is the idempotency guard: an event
-- delivered twice inserts nothing the second time, so it is never counted twice. The log is also the
-- source of a full recompute.
CREATE TABLE insight_fact (
    event_id        uuid PRIMARY KEY,
    source          text NOT NULL,
    kind            text NOT NULL,
    agency_code     text NOT NULL,
    admin_unit_code text NOT NULL DEFAULT '',
    occurred_at     timestamptz NOT NULL,
    -- the city's calendar day (Asia/Ho_Chi_Minh) the fact belongs to
    day             date NOT NULL,
    subject_ref     text,
    measures        jsonb NOT NULL,
    -- open-item change carried by the fact: the item's key, whether it closes it, the due time it sets
    open_key        text,
    open_closed     boolean,
    open_due        timestamptz,
    recorded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX insight_fact_agency_day_idx ON insight_fact (agency_code, day);
CREATE INDEX insight_fact_subject_idx ON insight_fact (subject_ref) WHERE subject_ref IS NOT NULL;

-- Per agency, unit, day and measure: the running sums every score is computed from (cheap period sums).
CREATE TABLE insight_daily (
    agency_code     text NOT NULL,
    admin_unit_code text NOT NULL,
    day             date NOT NULL,
    measure         text NOT NULL,
    value           bigint NOT NULL,
    PRIMARY KEY (day, agency_code, admin_unit_code, measure)
);
CREATE INDEX insight_daily_agency_idx ON insight_daily (agency_code, day);


-- Items still open (a dossier received and not finished), for the "overdue now" tile. Closing wins
-- whatever the order the events arrive in, so the table is the same after any delivery order.
CREATE TABLE insight_open_item (
    source          text NOT NULL,
    open_key        text NOT NULL,
    agency_code     text NOT NULL,
    admin_unit_code text NOT NULL,
    due_at          timestamptz,
    closed          boolean NOT NULL,
    -- the newest opening fact (time, then event id) decides the due time, whatever the arrival order
    open_at         timestamptz NOT NULL,
    open_event      uuid NOT NULL,
    PRIMARY KEY (source, open_key)
);
CREATE INDEX insight_open_item_due_idx ON insight_open_item (due_at) WHERE NOT closed;

-- Versions of the indicator set. A period is scored with the version in force on its first day, so
-- history keeps the version it was computed with.
CREATE TABLE insight_definition (
    version        text PRIMARY KEY,
    effective_from date NOT NULL,
    body           jsonb NOT NULL,
    loaded_by      text NOT NULL,
    loaded_at      timestamptz NOT NULL DEFAULT now()
);

-- KPI targets per year and scope: city (the city and its departments) or ward (wards and communes).
CREATE TABLE insight_target (
    year        int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    kpi_code    text NOT NULL,
    scope       text NOT NULL CHECK (scope IN ('city', 'ward')),
    percent     numeric(5, 2) NOT NULL CHECK (percent BETWEEN 0 AND 100),
    PRIMARY KEY (year, kpi_code, scope)
);

INSERT INTO identity_role_permission (role_code, permission) VALUES
  ('OFFICIAL', 'insight.view'),
  ('AGENCY_ADMIN', 'insight.view'),
  ('CITY_ADMIN', 'insight.view'),
  ('CITY_ADMIN', 'insight.manage');
