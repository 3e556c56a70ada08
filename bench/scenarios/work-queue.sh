# Scenario: an official's work queue page (open dossiers of one agency by appointment, with the badge counts)
# over HTTP against the page query and the capped counts in SQL; then the /work-queue page of a ward official
# (signed in through the login form) against its rows query. Runs on the generated dossiers (made here when
# dossier-status has not made them); their open ones get a current step here, as accepted dossiers have.
source bench/scenarios/dossiers.inc
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

# The page: canbo (Phường Sài Gòn's official) signs in as a browser would; the session cookie goes to wrk.
JAR="$OUT/work-queue-cookies.txt"
CSRF=$(curl -fs -c "$JAR" "http://127.0.0.1:$APP_PORT/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -fs -b "$JAR" -c "$JAR" -o /dev/null -X POST "http://127.0.0.1:$APP_PORT/login" \
  --data-urlencode "_csrf=$CSRF" --data-urlencode "username=canbo" --data-urlencode "password=citygov-demo"
export SESSION_COOKIE="JSESSIONID=$(awk '$6 == "JSESSIONID" {print $7}' "$JAR")"
cat > "$OUT/work-queue-page.sql" <<SQL
SELECT d.id, d.code, d.procedure_code, d.state, d.step_code, s.name, d.applicant_name, d.submitted_at, d.due_at,
       d.version FROM dossiers_dossier d
  LEFT JOIN dossiers_step s ON s.dossier_id = d.id AND s.position = d.step_position
 WHERE d.work_agency_code IN ('ubnd-26740') AND d.state NOT IN ('returned', 'refused', 'withdrawn', 'stopped')
 ORDER BY d.submitted_at DESC, d.id DESC LIMIT 21;
SQL
run_scenario work-queue-page bench/scenarios/work-queue-page.lua "$OUT/work-queue-page.sql"
