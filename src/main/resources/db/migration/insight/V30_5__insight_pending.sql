-- Facts logged but not yet added to the counters. A fact is logged (with its row here) in the transaction of
-- the change it reports; the counter updater adds a batch of them to the counters and deletes their rows here,
-- in one transaction, moments later (docs/adr/006). Small and short-lived: no index, rows are taken by ctid.
CREATE TABLE insight_pending (
    event_id uuid NOT NULL
);
