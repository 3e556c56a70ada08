-- Service attributes (Open311 GeoReport v2 service definitions): each category may ask for extra fields
-- (code, datatype, required, order, descriptions in both languages, values of lists), kept with the category so
-- they are versioned and audited with it. A report keeps the answers given, by attribute code.
ALTER TABLE feedback_category ADD COLUMN attributes jsonb NOT NULL DEFAULT '[]';
ALTER TABLE feedback_report ADD COLUMN attributes jsonb;
