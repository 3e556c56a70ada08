-- Deadlines (issue 4). overdue_notified_at marks that DossierOverdue was published, so the scan publishes it
-- once per dossier. The scan's index holds only dossiers with a running clock not yet reported: each row
-- leaves it when reported or finished, so the scan reads a small range (due_at < now) however many dossiers
-- the city has.
ALTER TABLE dossiers_dossier ADD COLUMN overdue_notified_at timestamptz;
CREATE INDEX dossiers_dossier_overdue_scan_idx ON dossiers_dossier (due_at)
    WHERE overdue_notified_at IS NULL AND state IN ('accepted', 'in_progress', 'approved', 'result_issued');

-- Form 04: the apology with a new appointment. The primary key makes the new date settable once per dossier.
CREATE TABLE dossiers_extension (
    dossier_id   bigint PRIMARY KEY REFERENCES dossiers_dossier (id),
    previous_due timestamptz NOT NULL,
    new_due      timestamptz NOT NULL,
    reason       text NOT NULL,
    at           timestamptz NOT NULL,
    actor        text NOT NULL,
    actor_name   text NOT NULL
);
