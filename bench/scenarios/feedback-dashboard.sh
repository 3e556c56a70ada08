# Scenario: the leaders' monitoring dashboard for the whole city (totals, by category, by unit, by month, by
# agency, the oldest overdue reports) with the generated reports of feedback-reports.inc, as the city admin (the
# run's TOKEN, who holds feedback.monitor city-wide), over HTTP against the same statements in SQL.
source bench/scenarios/feedback-reports.inc
# The application's plan: the five groupings in one pass (grouping sets) over the monitoring counters
# (feedback_monthly, kept by a trigger as reports change), then the oldest overdue reports from the index.
cat > "$OUT/feedback-dashboard.sql" <<SQL
SELECT CASE WHEN GROUPING(category_code, admin_unit_code, month, agency_code) = 15 THEN 'all'
            WHEN GROUPING(category_code) = 0 THEN 'category'
            WHEN GROUPING(admin_unit_code) = 0 THEN 'unit'
            WHEN GROUPING(month) = 0 THEN 'month' ELSE 'agency' END AS grp,
       CASE WHEN GROUPING(category_code) = 0 THEN category_code
            WHEN GROUPING(admin_unit_code) = 0 THEN admin_unit_code
            WHEN GROUPING(month) = 0 THEN to_char(month, 'YYYY-MM')
            WHEN GROUPING(agency_code) = 0 THEN coalesce(agency_code, '-') ELSE 'all' END AS key,
       sum(received) AS total, sum(open) AS open, sum(overdue) AS overdue,
       100.0 * sum(answered_on_time) / nullif(sum(answered), 0) AS on_time,
       (sum(handling_micros) / nullif(sum(answered), 0) / 3600000000.0)::float8 AS hours,
       (sum(rating_sum) / nullif(sum(rated), 0))::float8 AS rating
  FROM feedback_monthly
 GROUP BY GROUPING SETS ((), (category_code), (admin_unit_code), (month), (agency_code))
HAVING sum(received) > 0 OR GROUPING(category_code, admin_unit_code, month, agency_code) = 15
 ORDER BY 1, 3 DESC, 2;
SELECT code, category_code, title, lat, lon, admin_unit_code, handling_point_code, state, submitted_at, due_at, overdue
  FROM feedback_report WHERE state <> 'merged' AND overdue AND state IN ('received', 'assigned', 'in_progress', 'declined')
 ORDER BY due_at LIMIT 100;
SQL
run_scenario feedback-dashboard bench/scenarios/feedback-dashboard.lua "$OUT/feedback-dashboard.sql"
