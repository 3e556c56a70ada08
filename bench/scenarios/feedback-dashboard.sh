# Scenario: the leaders' monitoring dashboard for the whole city (totals, by category, by unit, by month,
# the oldest overdue reports) with the generated reports of feedback-reports.inc, as the city admin (the
# run's TOKEN, who holds feedback.monitor city-wide), over HTTP against the same statements in SQL.
source bench/scenarios/feedback-reports.inc
FIGURES="count(*), count(*) FILTER (WHERE state IN ('received', 'assigned', 'in_progress', 'declined')),
       count(*) FILTER (WHERE overdue AND state IN ('received', 'assigned', 'in_progress', 'declined')),
       100.0 * count(*) FILTER (WHERE answered_at <= due_at) / nullif(count(answered_at), 0),
       (avg(extract(epoch FROM answered_at - submitted_at)) / 3600.0)::float8, avg(rating)::float8"
cat > "$OUT/feedback-dashboard.sql" <<SQL
SELECT 'all', $FIGURES FROM feedback_report WHERE state <> 'merged' GROUP BY 1;
SELECT category_code, $FIGURES FROM feedback_report WHERE state <> 'merged' GROUP BY 1 ORDER BY 2 DESC, 1;
SELECT admin_unit_code, $FIGURES FROM feedback_report WHERE state <> 'merged' GROUP BY 1 ORDER BY 2 DESC, 1;
SELECT to_char(submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM'), $FIGURES FROM feedback_report
 WHERE state <> 'merged' GROUP BY 1 ORDER BY 2 DESC, 1;
SELECT code, category_code, title, lat, lon, admin_unit_code, handling_point_code, state, submitted_at, due_at, overdue
  FROM feedback_report WHERE state <> 'merged' AND overdue AND state IN ('received', 'assigned', 'in_progress', 'declined')
 ORDER BY due_at LIMIT 100;
SQL
run_scenario feedback-dashboard bench/scenarios/feedback-dashboard.lua "$OUT/feedback-dashboard.sql"
