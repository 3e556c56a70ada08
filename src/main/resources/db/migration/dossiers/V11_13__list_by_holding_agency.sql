-- The officials' dossier list (GET /api/v1/dossiers, /work-queue) reads the dossiers their agencies hold now
-- (work_agency_code, the current step's agency for inter-agency steps) instead of the competent agency: its two
-- indexes move to that column. The list includes closed dossiers, so unlike the work-queue indexes (V11_7)
-- these are not partial.
DROP INDEX dossiers_dossier_queue_idx;
DROP INDEX dossiers_dossier_agency_idx;
CREATE INDEX dossiers_dossier_work_state_list_idx
    ON dossiers_dossier (work_agency_code, state, submitted_at DESC, id DESC);
CREATE INDEX dossiers_dossier_work_list_idx ON dossiers_dossier (work_agency_code, submitted_at DESC, id DESC);
