# Scenario: the ward ranking of a month and the IOC dashboard (HTTP: totals held in memory, scores computed in
# Java and memoised) against the same sums by a GROUP BY over the raw fact rows (pgbench), in the same run. Adds
# BENCH_INDEX_FACTS raw dossier facts (default 1,000,000; the issue's scale is 10,000,000) and
# BENCH_INDEX_REPORTS report facts (default a tenth of that) over BENCH_INDEX_AGENCIES agencies (default 1,000:
# every agency of the directory, then made-up ones) and the last BENCH_INDEX_DAYS days (default 1,095), then
# times a full recompute through the API with PostgreSQL's temporary-file use and the app's resident memory.
FACTS=${BENCH_INDEX_FACTS:-1000000}
REPORTS=${BENCH_INDEX_REPORTS:-$((FACTS / 10))}
AGENCIES=${BENCH_INDEX_AGENCIES:-1000}
DAYS=${BENCH_INDEX_DAYS:-1095}
say "Scenario index-ranking: generating $FACTS dossier facts and $REPORTS report facts over $AGENCIES agencies and $DAYS days"
# the agencies (code, unit) facts are spread over: the directory's, then made-up ones in the wards' units
psql -qc "CREATE TABLE IF NOT EXISTS bench_index_agency (i int PRIMARY KEY, code text, unit text);
  TRUNCATE bench_index_agency;
  INSERT INTO bench_index_agency
  SELECT row_number() OVER (ORDER BY code), code, coalesce(admin_unit_code, '') FROM directory_agency;
  INSERT INTO bench_index_agency
  SELECT n + g, 'bench-agency-' || g, u.units[1 + g % array_length(u.units, 1)]
  FROM (SELECT count(*) AS n FROM bench_index_agency) c,
       (SELECT array_agg(DISTINCT admin_unit_code) AS units FROM directory_agency WHERE admin_unit_code IS NOT NULL) u,
       generate_series(1, greatest(0, $AGENCIES - (SELECT count(*) FROM bench_index_agency))) g;"
GEN_STARTED=$(date +%s)
# two sessions, one per core: $1 = first row, $2 = last row, $3 = kind of fact
generate() {
  psql -qc "WITH a AS (SELECT array_agg(code ORDER BY i) AS codes, array_agg(unit ORDER BY i) AS units, count(*) AS n
                       FROM bench_index_agency),
    f AS (SELECT g, now() - ((g::bigint * 7907) % ($DAYS * 1440)) * interval '1 minute' AS t, random() AS r
          FROM generate_series($1, $2) g)
    INSERT INTO insight_fact (event_id, source, kind, agency_code, admin_unit_code, occurred_at, day, measures)
    SELECT gen_random_uuid(), 'bench', '$3', a.codes[(1 + (f.g::bigint * 7919) % a.n)::int],
           a.units[(1 + (f.g::bigint * 7919) % a.n)::int], f.t, (f.t AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
           CASE WHEN '$3' = 'report.answered' THEN
             jsonb_build_object('report.received', 1, 'report.answered', 1,
                                CASE WHEN f.r < 0.8 THEN 'report.answered_on_time' ELSE 'report.answered_late' END, 1,
                                'report.rated', 1, 'report.rated_satisfied', (f.r < 0.7)::int)
           ELSE
             jsonb_build_object('dossier.received', 1, 'dossier.received_online', (f.r < 0.5)::int, 'dossier.finished', 1,
                                CASE WHEN f.r < 0.85 THEN 'dossier.finished_on_time' ELSE 'dossier.finished_late' END, 1,
                                'dossier.processing_hours', (f.r * 200)::int)
           END
    FROM f, a"
}
HALF=$((FACTS / 2))
generate 1 "$HALF" dossier.resultreturned &
GEN1=$!
generate $((HALF + 1)) "$FACTS" dossier.resultreturned &
GEN2=$!
wait $GEN1 $GEN2
[ "$REPORTS" -gt 0 ] && generate $((FACTS + 1)) $((FACTS + REPORTS)) report.answered
# the raw side's best case: an index on the day (the app's own index leads with the agency)
psql -qc "CREATE INDEX IF NOT EXISTS bench_insight_fact_day_idx ON insight_fact (day)"
psql -qc "VACUUM ANALYZE insight_fact"
say "Generated in $(( $(date +%s) - GEN_STARTED )) s: $(psql -Atqc "SELECT count(*) || ' facts, ' || count(DISTINCT agency_code) || ' agencies, ' || min(day) || '..' || max(day) || ', ' || pg_size_pretty(pg_total_relation_size('insight_fact')) FROM insight_fact")"

TEMP_BEFORE=$(psql -Atqc "SELECT temp_files || ' ' || temp_bytes FROM pg_stat_database WHERE datname = current_database()")
RSS_BEFORE=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
STARTED=$(date +%s%N)
curl -fs -m 3600 -X POST "http://127.0.0.1:$APP_PORT/api/v1/index/recompute" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{}' > "$OUT/index-recompute.json"
RECOMPUTE_MS=$(( ($(date +%s%N) - STARTED) / 1000000 ))
TEMP_AFTER=$(psql -Atqc "SELECT temp_files || ' ' || temp_bytes FROM pg_stat_database WHERE datname = current_database()")
RSS_AFTER=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
say "Full recompute: $RECOMPUTE_MS ms over $(psql -Atqc 'SELECT count(*) FROM insight_fact') facts: $(cat "$OUT/index-recompute.json")"
say "Recompute memory: PostgreSQL temporary files $(echo "$TEMP_BEFORE $TEMP_AFTER" | awk '{printf "%d files, %.0f MB", $3 - $1, ($4 - $2) / 1048576}') (work_mem $(psql -Atqc 'SHOW work_mem')); app resident memory ${RSS_BEFORE} kB before, ${RSS_AFTER} kB after (-Xmx2g)"
say "Counter rows: $(psql -Atqc "SELECT (SELECT count(*) FROM insight_daily) || ' daily, ' || (SELECT count(*) FROM insight_monthly) || ' monthly'")"

psql -Atqc "SELECT to_char(date_trunc('month', now()) - (i || ' months')::interval, 'YYYY-MM') FROM generate_series(1, 11) i" \
  > "$OUT/index-months.txt"
# The raw side computes the same numbers as the HTTP side, in the best single plain-SQL pass (its own index on
# `day`, so only the needed months are read; every measure, as the counters hold):
# ranking: every measure per agency of the month and of the month before (the change column);
cat > "$OUT/index-ranking.sql" <<'SQL'
\set m random(1, 11)
SELECT f.agency_code, f.day >= (date_trunc('month', now() AT TIME ZONE 'Asia/Ho_Chi_Minh') - (:m || ' months')::interval)::date,
       m.key, sum(m.value::bigint)
FROM insight_fact f, jsonb_each_text(f.measures) m
WHERE f.day >= (date_trunc('month', now() AT TIME ZONE 'Asia/Ho_Chi_Minh') - ((:m + 1) || ' months')::interval)::date
  AND f.day < (date_trunc('month', now() AT TIME ZONE 'Asia/Ho_Chi_Minh') - ((:m - 1) || ' months')::interval)::date
GROUP BY 1, 2, 3;
SQL
# dashboard: every measure per month, agency and unit over the trend's twelve months (city trend, this and last
# month per agency and unit for the map, rankings and alerts) with today's sums for the tiles, in one pass.
cat > "$OUT/index-dashboard.sql" <<'SQL'
SELECT date_trunc('month', f.day)::date, f.agency_code, f.admin_unit_code, m.key, sum(m.value::bigint),
       sum(m.value::bigint) FILTER (WHERE f.day = (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)
FROM insight_fact f, jsonb_each_text(f.measures) m
WHERE f.day >= (date_trunc('month', now() AT TIME ZONE 'Asia/Ho_Chi_Minh') - interval '11 months')::date
GROUP BY 1, 2, 3, 4;
SQL
export MONTHS_FILE="$OUT/index-months.txt"
run_scenario index-ranking bench/scenarios/index-ranking.lua "$OUT/index-ranking.sql"
say "index-ranking HTTP p95: $(awk '/^CITYGOV_P95/ {print $2}' "$OUT/index-ranking-wrk.txt") ms"
run_scenario index-dashboard bench/scenarios/index-dashboard.lua "$OUT/index-dashboard.sql"
say "index-dashboard HTTP p95: $(awk '/^CITYGOV_P95/ {print $2}' "$OUT/index-dashboard-wrk.txt") ms"
# what a cache miss costs the app: loading one month of the roll-up into memory (after a recompute, a late
# fact for that month, or every max-age for the current month)
cat > "$OUT/index-rollup-ranking.sql" <<'SQL'
\set m random(1, 11)
SELECT agency_code, admin_unit_code, measure, value FROM insight_monthly
WHERE month = (date_trunc('month', now() AT TIME ZONE 'Asia/Ho_Chi_Minh') - (:m || ' months')::interval)::date;
SQL
cat > "$OUT/index-rollup-dashboard.sql" <<'SQL'
SELECT agency_code, admin_unit_code, measure, value FROM insight_monthly
WHERE month = date_trunc('month', now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date;
SQL
for q in ranking dashboard; do
  pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" -f "$OUT/index-rollup-$q.sql" \
    > "$OUT/index-rollup-$q-pgbench.txt" 2>&1
  say "index-$q cache miss (one month of the roll-up read): $(awk '/^latency average/ {print $4}' "$OUT/index-rollup-$q-pgbench.txt") ms avg"
done
