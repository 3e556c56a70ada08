-- The escalation ladder of an open report: 1 due soon (the handling point's officials), 2 overdue (the
-- agency's coordinators), 3 still overdue some working days later (the city's coordinators). Levels 1 and 2
-- are the report's due_soon_notified and overdue flags; a row here records a level reached past those, once
-- per deadline: the primary key makes a second job run or another instance insert nothing (and tell nobody),
-- and a reopened report with a new deadline climbs the ladder again.
CREATE TABLE feedback_escalation (
    report_id  bigint NOT NULL REFERENCES feedback_report (id),
    level      smallint NOT NULL CHECK (level = 3),
    due_at     timestamptz NOT NULL,
    at         timestamptz NOT NULL,
    PRIMARY KEY (report_id, level, due_at)
);
