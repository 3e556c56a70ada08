-- Satisfaction ratings given by applicants once the result is returned: at most one per dossier (the
-- primary key enforces it even against two simultaneous requests). They feed the service-quality index.
CREATE TABLE dossiers_rating (
    dossier_id bigint PRIMARY KEY REFERENCES dossiers_dossier (id),
    score      smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment    text CHECK (length(comment) <= 1000),
    rated_by   bigint NOT NULL,
    rated_at   timestamptz NOT NULL
);
CREATE INDEX dossiers_rating_rated_at_idx ON dossiers_rating (rated_at);
