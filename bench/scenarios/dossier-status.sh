# Scenario: the public status lookup of a dossier by its code (no login), over HTTP against the same
# lookup in SQL. Dossiers are generated straight into the table (BENCH_DOSSIERS, default 200,000),
# spread over the ward committees and the catalogue's procedures.
source bench/scenarios/dossiers.inc
psql -qv ON_ERROR_STOP=1 <<SQL
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
