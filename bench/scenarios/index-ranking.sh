# Scenario: the ward ranking of a month from the insight daily counters (HTTP, scores computed in Java)
# against the same sums by a GROUP BY over the raw fact rows (pgbench). Adds BENCH_INDEX_FACTS raw dossier
# facts (default 1,000,000; the issue's full scale is 10,000,000) over every agency and the last 365 days,
# then times a full recompute through the API.
FACTS=${BENCH_INDEX_FACTS:-1000000}
say "Scenario index-ranking: generating $FACTS raw dossier facts"
psql -qc "WITH w AS (SELECT array_agg(code ORDER BY code) AS codes,
                       array_agg(coalesce(admin_unit_code, '') ORDER BY code) AS units, count(*) AS n
                FROM directory_agency WHERE kind = 'ward_committee'),
  f AS (SELECT g, now() - ((g::bigint * 7907) % 525600) * interval '1 minute' AS t, random() AS r FROM generate_series(1, $FACTS) g)
  INSERT INTO insight_fact (event_id, source, kind, agency_code, admin_unit_code, occurred_at, day, measures)
  SELECT gen_random_uuid(), 'bench', 'dossier.resultreturned', w.codes[(1 + (f.g::bigint * 7919) % w.n)::int], w.units[(1 + (f.g::bigint * 7919) % w.n)::int],
         f.t, (f.t AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
         jsonb_build_object('dossier.received', 1, 'dossier.finished', 1,
                            CASE WHEN f.r < 0.85 THEN 'dossier.finished_on_time' ELSE 'dossier.finished_late' END, 1,
                            'dossier.processing_hours', (f.r * 200)::int)
  FROM f, w"
STARTED=$(date +%s%N)
curl -fs -X POST "http://127.0.0.1:$APP_PORT/api/v1/index/recompute" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{}' > "$OUT/index-recompute.json"
say "Full recompute: $(( ($(date +%s%N) - STARTED) / 1000000 )) ms over $(psql -Atqc 'SELECT count(*) FROM insight_fact') facts: $(cat "$OUT/index-recompute.json")"
psql -Atqc "SELECT to_char(date_trunc('month', now()) - (i || ' months')::interval, 'YYYY-MM') FROM generate_series(1, 11) i" \
  > "$OUT/index-months.txt"
cat > "$OUT/index-ranking.sql" <<'SQL'
\set m random(1, 11)
SELECT agency_code, sum((measures->>'dossier.finished')::bigint), sum((measures->>'dossier.finished_on_time')::bigint),
       sum((measures->>'dossier.received')::bigint), sum((measures->>'dossier.processing_hours')::bigint)
FROM insight_fact
WHERE day >= (date_trunc('month', now()) - (:m || ' months')::interval)::date
  AND day < (date_trunc('month', now()) - ((:m - 1) || ' months')::interval)::date
GROUP BY agency_code;
SQL
export MONTHS_FILE="$OUT/index-months.txt"
run_scenario index-ranking bench/scenarios/index-ranking.lua "$OUT/index-ranking.sql"
