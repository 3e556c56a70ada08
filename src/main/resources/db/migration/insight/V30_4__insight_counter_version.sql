-- One row other app instances read (at most once a second) to know that a closed month's counters changed:
-- a late fact for a past month, a recompute or a history load bumps it in the same transaction. Facts of the
-- current month do not touch it, so the live ingestion path never waits on this row.
CREATE TABLE insight_counter_version (
    id      int PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL
);
INSERT INTO insight_counter_version (id, version) VALUES (1, 0);
