-- The handling point (đầu mối xử lý) that has a dossier now: the directory's one-stop desk of the agency holding
-- it (work_agency_code). Kept on the row when the dossier is filed and whenever it moves to another agency's step,
-- so the work queue filters by desk without asking the directory. Dossiers filed before this stay without one.
ALTER TABLE dossiers_dossier ADD COLUMN handling_point_code text;

CREATE INDEX dossiers_dossier_handling_point_idx ON dossiers_dossier (handling_point_code, due_at, id)
    WHERE handling_point_code IS NOT NULL AND state NOT IN ('returned', 'refused', 'withdrawn', 'stopped');
