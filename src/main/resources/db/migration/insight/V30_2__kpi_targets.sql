-- The city's own digital-transformation targets as defaults (see insight/SOURCES.md); administrators
-- replace a year's figures through the API.
INSERT INTO insight_target (year, kpi_code, scope, percent)
SELECT y, k.code, s.scope, CASE WHEN k.code = 'work_records_online' AND s.scope = 'ward' THEN 60 ELSE k.percent END
FROM generate_series(2025, 2027) AS y,
     (VALUES ('online_services', 80), ('dossiers_online', 50), ('digitised', 40), ('work_records_online', 90),
             ('periodic_reports', 80)) AS k(code, percent),
     (VALUES ('city'), ('ward')) AS s(scope);
