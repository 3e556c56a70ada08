# Scenario: the public status lookup of a dossier by its code (no login), over HTTP against the same
# lookup in SQL. Dossiers are generated straight into the table (BENCH_DOSSIERS, default 200,000),
# spread over the ward committees and the catalogue's procedures.
BENCH_DOSSIERS=${BENCH_DOSSIERS:-200000}
say "Generating $BENCH_DOSSIERS dossiers"
psql -qv ON_ERROR_STOP=1 <<SQL
WITH wards AS (SELECT array_agg(code ORDER BY code) AS codes, array_agg(admin_unit_code ORDER BY code) AS units
               FROM directory_agency WHERE kind = 'ward_committee'),
     procs AS (SELECT array_agg(code ORDER BY code) AS codes FROM procedures_procedure WHERE level = 'ward')
INSERT INTO dossiers_dossier (code, procedure_code, agency_code, admin_unit_code, applicant_name, submitted_by,
    channel, state, delivery, processing_days, submitted_at, received_at, due_at)
SELECT 'H29-' || to_char(t, 'YYMMDD') || '-' || lpad(g::text, 6, '0') || '-'
           || upper(translate(lpad(to_hex(g * 7919 % 1048576), 5, '0'), '01', 'QR')),
       procs.codes[1 + g % cardinality(procs.codes)],
       wards.codes[1 + g % cardinality(wards.codes)], wards.units[1 + g % cardinality(wards.codes)],
       'Người nộp ' || g, 'bench', 'counter',
       (ARRAY['accepted', 'in_progress', 'approved', 'returned'])[1 + g % 4], 'desk', 5, t, t, t + interval '7 days'
FROM generate_series(1, $BENCH_DOSSIERS) AS g
CROSS JOIN LATERAL (SELECT now() - (g % 1000) * interval '1 hour' AS t) AS time
CROSS JOIN wards CROSS JOIN procs;
ANALYZE dossiers_dossier;
DROP TABLE IF EXISTS bench_dossier_code;
CREATE TABLE bench_dossier_code AS
    SELECT row_number() OVER (ORDER BY code) AS i, code FROM dossiers_dossier WHERE submitted_by = 'bench'
    ORDER BY random() LIMIT 20000;
ALTER TABLE bench_dossier_code ADD PRIMARY KEY (i);
SQL
psql -Atqc "SELECT code FROM bench_dossier_code" > "$OUT/dossier-codes.txt"
cat > "$OUT/dossier-status.sql" <<SQL
\set i random(1, 20000)
SELECT d.* FROM dossiers_dossier d WHERE d.code = (SELECT code FROM bench_dossier_code WHERE i = :i);
SQL
export CODES_FILE="$OUT/dossier-codes.txt"
run_scenario dossier-status bench/scenarios/dossier-status.lua "$OUT/dossier-status.sql"
