-- The overdue scan reads dossiers_dossier_overdue_scan_idx (V11_8), whose rows are a subset of this index's: no
-- query uses this one any more, and every action that changes a dossier's state wrote it too.
DROP INDEX dossiers_dossier_due_idx;
