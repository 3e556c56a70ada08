# Scenario: the public feedback map — reports inside a district-sized box (about 3 × 3 km around a ward's
# label point), newest first, at most 500 — over HTTP against the same query in SQL. Reports are generated
# straight into the table (BENCH_REPORTS, default 1,000,000), scattered around the 168 wards over a year,
# with a realistic mix of states, categories and hidden/non-public ones.
BENCH_REPORTS=${BENCH_REPORTS:-1000000}
say "Generating $BENCH_REPORTS feedback reports"
psql -qv ON_ERROR_STOP=1 <<SQL
WITH units AS (SELECT array_agg(code ORDER BY code) AS codes, array_agg(label_lat ORDER BY code) AS lats,
                      array_agg(label_lon ORDER BY code) AS lons
               FROM directory_admin_unit WHERE label_lat IS NOT NULL),
     cats AS (SELECT array_agg(code ORDER BY code) AS codes, array_agg(public ORDER BY code) AS pub FROM feedback_category)
INSERT INTO feedback_report (code, token, category_code, title, description, lat, lon, admin_unit_code,
    handling_point_code, agency_code, state, channel, public, hidden, hidden_reason, submitted_at, due_at,
    answered_at, rating, search_text)
SELECT 'PB-' || lpad(g::text, 8, '0'), gen_random_uuid(), cats.codes[1 + g % cardinality(cats.codes)],
       'Phản ánh thử nghiệm ' || g, 'Nội dung phản ánh thử nghiệm số ' || g,
       units.lats[u] + ((g::bigint * 7919) % 2001 - 1000) / 100000.0, units.lons[u] + ((g::bigint * 104729) % 2001 - 1000) / 100000.0,
       units.codes[u], 'pa-' || units.codes[u], 'ubnd-' || units.codes[u],
       (ARRAY['assigned', 'in_progress', 'answered', 'closed', 'closed', 'closed'])[1 + g % 6], 'web',
       cats.pub[1 + g % cardinality(cats.codes)], g % 97 = 0, CASE WHEN g % 97 = 0 THEN 'bench' END,
       t, t + interval '3 days', CASE WHEN g % 6 >= 2 THEN t + interval '2 days' END,
       CASE WHEN g % 6 >= 3 THEN 1 + g % 5 END, 'phan anh thu nghiem ' || g
FROM generate_series(1, $BENCH_REPORTS) AS g
CROSS JOIN units CROSS JOIN cats
CROSS JOIN LATERAL (SELECT 1 + g % cardinality(units.codes) AS u, now() - (g % 8760) * interval '1 hour' AS t) AS x;
SQL
# Vacuum sets the visibility map, as autovacuum would after a bulk load, so index-only scans are possible.
psql -qv ON_ERROR_STOP=1 -c 'VACUUM ANALYZE feedback_report'
psql -qv ON_ERROR_STOP=1 <<SQL
DROP TABLE IF EXISTS bench_feedback_box;
CREATE TABLE bench_feedback_box AS
    SELECT row_number() OVER (ORDER BY code) AS i, label_lon - 0.015 AS min_lon, label_lat - 0.015 AS min_lat,
           label_lon + 0.015 AS max_lon, label_lat + 0.015 AS max_lat
    FROM directory_admin_unit WHERE label_lat IS NOT NULL;
ALTER TABLE bench_feedback_box ADD PRIMARY KEY (i);
SQL
BOXES=$(psql -Atqc "SELECT count(*) FROM bench_feedback_box")
psql -Atqc "SELECT min_lon || ',' || min_lat || ',' || max_lon || ',' || max_lat FROM bench_feedback_box ORDER BY i" \
  > "$OUT/feedback-boxes.txt"
# The same plan as the application: the newest reports of each 0.01° grid cell of the box, then merged.
cat > "$OUT/feedback-map.sql" <<SQL
\set i random(1, $BOXES)
SELECT r.code, r.category_code, r.title, r.lat, r.lon, r.admin_unit_code, r.handling_point_code, r.state,
       r.submitted_at, r.due_at, r.overdue
  FROM bench_feedback_box b
 CROSS JOIN LATERAL (SELECT la * 100000 + lo AS cell
                       FROM generate_series(floor(b.min_lat * 100)::int, floor(b.max_lat * 100)::int) AS la,
                            generate_series(floor(b.min_lon * 100)::int, floor(b.max_lon * 100)::int) AS lo) AS c
 CROSS JOIN LATERAL (SELECT f.id, f.code, f.category_code, f.title, f.lat, f.lon, f.admin_unit_code,
                            f.handling_point_code, f.state, f.submitted_at, f.due_at, f.overdue
                       FROM feedback_report f
                      WHERE f.cell = c.cell AND f.public AND NOT f.hidden AND f.state <> 'merged'
                        AND f.lat BETWEEN b.min_lat AND b.max_lat AND f.lon BETWEEN b.min_lon AND b.max_lon
                      ORDER BY f.submitted_at DESC, f.id DESC LIMIT 500) AS r
 WHERE b.i = :i
 ORDER BY r.submitted_at DESC, r.id DESC LIMIT 500;
SQL
export BOXES_FILE="$OUT/feedback-boxes.txt"
run_scenario feedback-map bench/scenarios/feedback-map.lua "$OUT/feedback-map.sql"
