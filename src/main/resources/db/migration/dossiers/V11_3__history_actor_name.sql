-- The actor's display name when the step was taken: printed forms name the receiving official.
ALTER TABLE dossiers_history ADD COLUMN actor_name text;
