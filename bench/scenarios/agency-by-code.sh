# Scenario: an authenticated API read of one agency by code, against the same SELECT in pgbench.
psql -Atqc "SELECT code FROM directory_agency ORDER BY code" > "$OUT/agency-codes.txt"
psql -qc "DROP TABLE IF EXISTS bench_agency_code; CREATE TABLE bench_agency_code AS
          SELECT row_number() OVER (ORDER BY code) AS i, code FROM directory_agency;
          ALTER TABLE bench_agency_code ADD PRIMARY KEY (i);"
AGENCY_COUNT=$(wc -l < "$OUT/agency-codes.txt")
cat > "$OUT/agency-by-code.sql" <<SQL
\set i random(1, $AGENCY_COUNT)
SELECT a.* FROM directory_agency a WHERE a.code = (SELECT code FROM bench_agency_code WHERE i = :i);
SQL
export CODES_FILE="$OUT/agency-codes.txt"
run_scenario agency-by-code bench/scenarios/agency-by-code.lua "$OUT/agency-by-code.sql"
