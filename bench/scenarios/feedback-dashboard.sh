# Scenario: the leaders' monitoring dashboard for the whole city (totals, by category, by unit, by month,
# the oldest overdue reports) with the generated reports of feedback-reports.inc, as the city admin (the
# run's TOKEN, who holds feedback.monitor city-wide), over HTTP against the same statements in SQL.
source bench/scenarios/feedback-reports.inc
FIGURES="count(*), count(*) FILTER (WHERE state IN ('received', 'assigned', 'in_progress', 'declined')),
       count(*) FILTER (WHERE overdue AND state IN ('received', 'assigned', 'in_progress', 'declined')),
       100.0 * count(*) FILTER (WHERE answered_at <= due_at) / nullif(count(answered_at), 0),
       (avg(extract(epoch FROM answered_at - submitted_at)) / 3600.0)::float8, avg(rating)::float8"
# The application's plan: the four groupings in one pass (grouping sets), then the oldest overdue reports.
# Over HTTP the sums are shared by all viewers and recomputed in the background every
# citygov.feedback.dashboard.max-age, so the SQL column is the cost of one recomputation.
cat > "$OUT/feedback-dashboard.sql" <<SQL
SELECT CASE WHEN GROUPING(category_code, admin_unit_code, month) = 7 THEN 'all'
            WHEN GROUPING(category_code) = 0 THEN 'category'
            WHEN GROUPING(admin_unit_code) = 0 THEN 'unit' ELSE 'month' END AS grp,
       coalesce(category_code, admin_unit_code, month, 'all') AS key, $FIGURES
  FROM (SELECT category_code, admin_unit_code, state, overdue, answered_at, due_at, submitted_at, rating,
               to_char(submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') AS month
          FROM feedback_report WHERE state <> 'merged') r
 GROUP BY GROUPING SETS ((), (category_code), (admin_unit_code), (month))
 ORDER BY 1, 3 DESC, 2;
SELECT code, category_code, title, lat, lon, admin_unit_code, handling_point_code, state, submitted_at, due_at, overdue
  FROM feedback_report WHERE state <> 'merged' AND overdue AND state IN ('received', 'assigned', 'in_progress', 'declined')
 ORDER BY due_at LIMIT 100;
SQL
run_scenario feedback-dashboard bench/scenarios/feedback-dashboard.lua "$OUT/feedback-dashboard.sql"
