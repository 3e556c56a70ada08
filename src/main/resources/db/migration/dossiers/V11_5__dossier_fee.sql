-- The fee in force on the day of submission and why (the rule's reason or the catalogue's note), kept with the
-- dossier: a later change of the rules does not change what this dossier was charged. Null in dossiers filed
-- before fees were recorded.
ALTER TABLE dossiers_dossier
    ADD COLUMN fee_vnd       bigint CHECK (fee_vnd >= 0),
    ADD COLUMN fee_reason    text,
    ADD COLUMN fee_reason_en text;
