# Scenario: report submission — POST /api/v1/feedback/reports through the service (unit found from the
# point, routing, deadline on the working-day calendar, history row, events and audit) against a raw INSERT
# of the same report row in SQL, in the same run, over a table holding the generated reports of
# feedback-reports.inc. The HTTP side uses an API key (machine callers are counted per key, not per address, and
# bench/run.sh lifts the per-key limit); the key is put straight into the identity table, as only its SHA-256
# digest is kept.
source bench/scenarios/feedback-reports.inc
BENCH_API_KEY=cgk_bench_feedback_submit_$(date +%s)
psql -qv ON_ERROR_STOP=1 -c "INSERT INTO identity_api_key (name, key_prefix, key_hash, scopes, agency_code, created_by)
  VALUES ('bench', left('$BENCH_API_KEY', 12), encode(sha256(convert_to('$BENCH_API_KEY', 'UTF8')), 'hex'),
          ARRAY['open311.submit'], NULL, 'bench')"
psql -Atqc "SELECT label_lat || ',' || label_lon FROM directory_admin_unit WHERE label_lat IS NOT NULL ORDER BY code" \
  > "$OUT/feedback-points.txt"
UNITS=$(psql -Atqc "SELECT count(*) FROM directory_admin_unit WHERE label_lat IS NOT NULL")
psql -qv ON_ERROR_STOP=1 <<SQL
DROP TABLE IF EXISTS bench_feedback_unit;
CREATE TABLE bench_feedback_unit AS
    SELECT row_number() OVER (ORDER BY code) AS i, code, label_lat, label_lon FROM directory_admin_unit
     WHERE label_lat IS NOT NULL;
ALTER TABLE bench_feedback_unit ADD PRIMARY KEY (i);
SQL
cat > "$OUT/feedback-submit.sql" <<SQL
\set i random(1, $UNITS)
INSERT INTO feedback_report (code, token, category_code, title, description, lat, lon, admin_unit_code,
    handling_point_code, agency_code, state, channel, public, submitted_at, due_at, search_text)
SELECT 'PS-' || gen_random_uuid(), gen_random_uuid(), 'chieu-sang', 'Đèn đường không sáng',
       'Đèn đường trước số nhà này không sáng từ tối qua.', u.label_lat, u.label_lon, u.code, 'pa-' || u.code,
       'ubnd-' || u.code, 'assigned', 'api', true, now(), now() + interval '3 days', 'den duong khong sang'
  FROM bench_feedback_unit u WHERE u.i = :i;
SQL
export POINTS_FILE="$OUT/feedback-points.txt" BENCH_API_KEY
run_scenario feedback-submit bench/scenarios/feedback-submit.lua "$OUT/feedback-submit.sql"
