-- Form 05: the handling of a dossier can be stopped with a written notice; "stopped" is a final state.
-- The reason is kept in refusal_reason, the column of written reasons for ending a dossier without a result.
ALTER TABLE dossiers_dossier DROP CONSTRAINT dossiers_dossier_state_check;
ALTER TABLE dossiers_dossier ADD CONSTRAINT dossiers_dossier_state_check CHECK (state IN ('submitted',
    'supplement_requested', 'accepted', 'in_progress', 'approved', 'result_issued', 'returned', 'refused',
    'withdrawn', 'stopped'));
