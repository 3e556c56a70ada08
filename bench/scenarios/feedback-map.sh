# Scenario: the public feedback map — reports inside a district-sized box (about 3 × 3 km around a ward's
# label point), newest first, at most 500 — over HTTP against the same query in SQL, with the generated
# reports of feedback-reports.inc (BENCH_REPORTS, default 1,000,000).
source bench/scenarios/feedback-reports.inc
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
