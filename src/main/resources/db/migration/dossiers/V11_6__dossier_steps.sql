-- Step-by-step processing (issue 4): on acceptance a dossier copies the steps of its procedure's workflow
-- (the version in force that day), with each step's agency resolved (the competent agency unless the
-- workflow names another one for inter-agency work). One row per step records who received and handed
-- over the dossier and when, against the step's deadline: the data of the control slip (form 06).
CREATE TABLE dossiers_step (
    dossier_id    bigint NOT NULL REFERENCES dossiers_dossier (id),
    position      integer NOT NULL,
    code          text NOT NULL,
    name          text NOT NULL,
    name_en       text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('reception', 'processing', 'approval', 'result', 'delivery')),
    permission    text NOT NULL,
    agency_code   text NOT NULL,
    share         integer NOT NULL CHECK (share BETWEEN 0 AND 100),
    started_at    timestamptz,
    due_at        timestamptz,
    finished_at   timestamptz,
    assignee      text,
    assignee_name text,
    PRIMARY KEY (dossier_id, position)
);

-- The current step, kept on the dossier row itself so the work queue filters and sorts without a join.
-- work_agency_code is the agency whose officials have the dossier in their queue now: the current step's
-- agency, or the competent agency before acceptance and after the last step.
ALTER TABLE dossiers_dossier
    ADD COLUMN step_position integer,
    ADD COLUMN step_code text,
    ADD COLUMN step_agency_code text,
    ADD COLUMN assignee text,
    ADD COLUMN step_due_at timestamptz,
    ADD COLUMN work_agency_code text GENERATED ALWAYS AS (coalesce(step_agency_code, agency_code)) STORED;
