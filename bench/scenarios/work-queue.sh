# Scenario: an official's work queue page (open dossiers of one agency by appointment, with the badge counts)
# over HTTP against the page query and the capped counts in SQL. Runs on the dossiers dossier-status generated
# (it runs first in a full run); their open ones get a current step here, as accepted dossiers have.
say "Giving the open bench dossiers a current step"
psql -qv ON_ERROR_STOP=1 <<SQL
UPDATE dossiers_dossier SET step_position = 1, step_code = 'specialist', step_agency_code = agency_code,
       step_due_at = due_at - interval '2 days', assignee = CASE WHEN id % 2 = 0 THEN 'canbo' END
 WHERE submitted_by = 'bench' AND state NOT IN ('returned', 'refused', 'withdrawn', 'stopped');
ANALYZE dossiers_dossier;
DROP TABLE IF EXISTS bench_ward;
CREATE TABLE bench_ward AS
    SELECT row_number() OVER (ORDER BY code) AS i, code FROM directory_agency WHERE kind = 'ward_committee';
SQL
psql -Atc "SELECT code FROM bench_ward ORDER BY i" > "$OUT/ward-agencies.txt"
WARDS=$(wc -l < "$OUT/ward-agencies.txt")
cat > "$OUT/work-queue.sql" <<SQL
\set i random(1, $WARDS)
SELECT d.id, d.code, d.state, d.step_code, s.name, d.due_at, d.version FROM dossiers_dossier d
  LEFT JOIN dossiers_step s ON s.dossier_id = d.id AND s.position = d.step_position
 WHERE d.work_agency_code IN (SELECT code FROM bench_ward WHERE i = :i) AND d.state NOT IN ('returned', 'refused', 'withdrawn', 'stopped')
 ORDER BY d.due_at ASC NULLS LAST, d.id ASC LIMIT 20;
SELECT count(*) FROM (SELECT 1 FROM dossiers_dossier d WHERE d.work_agency_code IN (SELECT code FROM bench_ward WHERE i = :i)
   AND d.state NOT IN ('returned', 'refused', 'withdrawn', 'stopped') LIMIT 1001) c;
SELECT count(*) FROM (SELECT 1 FROM dossiers_dossier d WHERE d.work_agency_code IN (SELECT code FROM bench_ward WHERE i = :i)
   AND d.state NOT IN ('returned', 'refused', 'withdrawn', 'stopped') AND d.due_at < now() LIMIT 1001) c;
SQL
export AGENCIES_FILE="$OUT/ward-agencies.txt"
run_scenario work-queue bench/scenarios/work-queue.lua "$OUT/work-queue.sql"
