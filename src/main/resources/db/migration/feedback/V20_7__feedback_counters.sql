-- Monitoring counters: per month of submission (Asia/Ho_Chi_Minh), agency, admin unit and category, the sums
-- the leaders' dashboard and the public per-unit statistics show. They are kept by a trigger in the same
-- transaction as every change of a report (take the old row's share out, put the new row's in), so the
-- dashboard sums some thousands of counter rows instead of reading every report.
--
-- A month rather than a day: the city has 168 wards and 15 categories, so a day would hold about as many
-- counter rows as reports; a month holds at most a few thousand rows whatever the volume.
CREATE TABLE feedback_monthly (
    agency_code       text NOT NULL,  -- '' while no handling point is assigned
    month             date NOT NULL,  -- first day of the month the report was submitted in
    admin_unit_code   text NOT NULL,
    category_code     text NOT NULL,
    received          bigint NOT NULL DEFAULT 0,  -- reports not merged into another
    open              bigint NOT NULL DEFAULT 0,  -- received, assigned, in progress or declined
    overdue           bigint NOT NULL DEFAULT 0,  -- open and past the deadline
    answered          bigint NOT NULL DEFAULT 0,
    answered_on_time  bigint NOT NULL DEFAULT 0,
    handling_micros   bigint NOT NULL DEFAULT 0,  -- sum of answered_at - submitted_at of the answered ones, µs
    rated             bigint NOT NULL DEFAULT 0,
    rating_sum        bigint NOT NULL DEFAULT 0,
    satisfied         bigint NOT NULL DEFAULT 0,  -- rated 3 or more
    PRIMARY KEY (agency_code, month, admin_unit_code, category_code)
);
CREATE INDEX feedback_monthly_unit_idx ON feedback_monthly (admin_unit_code);

-- Adds (sign 1) or takes out (sign -1) one report's share of its counter row.
CREATE FUNCTION feedback_monthly_add(r feedback_report, sign integer) RETURNS void LANGUAGE sql AS $$
    INSERT INTO feedback_monthly AS m (agency_code, month, admin_unit_code, category_code, received, open, overdue,
        answered, answered_on_time, handling_micros, rated, rating_sum, satisfied)
    VALUES (coalesce(r.agency_code, ''), date_trunc('month', r.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
        r.admin_unit_code, r.category_code, sign,
        CASE WHEN r.state IN ('received', 'assigned', 'in_progress', 'declined') THEN sign ELSE 0 END,
        CASE WHEN r.overdue AND r.state IN ('received', 'assigned', 'in_progress', 'declined') THEN sign ELSE 0 END,
        CASE WHEN r.answered_at IS NOT NULL THEN sign ELSE 0 END,
        CASE WHEN r.answered_at <= r.due_at THEN sign ELSE 0 END,
        sign * coalesce(extract(epoch FROM r.answered_at - r.submitted_at) * 1000000, 0)::bigint,
        CASE WHEN r.rating IS NOT NULL THEN sign ELSE 0 END,
        sign * coalesce(r.rating, 0),
        CASE WHEN r.rating >= 3 THEN sign ELSE 0 END)
    ON CONFLICT (agency_code, month, admin_unit_code, category_code) DO UPDATE SET
        received = m.received + EXCLUDED.received, open = m.open + EXCLUDED.open,
        overdue = m.overdue + EXCLUDED.overdue, answered = m.answered + EXCLUDED.answered,
        answered_on_time = m.answered_on_time + EXCLUDED.answered_on_time,
        handling_micros = m.handling_micros + EXCLUDED.handling_micros, rated = m.rated + EXCLUDED.rated,
        rating_sum = m.rating_sum + EXCLUDED.rating_sum, satisfied = m.satisfied + EXCLUDED.satisfied
$$;

CREATE FUNCTION feedback_report_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.state <> 'merged' THEN PERFORM feedback_monthly_add(NEW, 1); END IF;
    ELSIF TG_OP = 'DELETE' THEN
        IF OLD.state <> 'merged' THEN PERFORM feedback_monthly_add(OLD, -1); END IF;
    -- A report moving between counter rows (transfer) touches both in key order, so two moves the other
    -- way round at the same time cannot deadlock.
    ELSIF (coalesce(OLD.agency_code, ''), OLD.submitted_at, OLD.admin_unit_code, OLD.category_code)
            <= (coalesce(NEW.agency_code, ''), NEW.submitted_at, NEW.admin_unit_code, NEW.category_code) THEN
        IF OLD.state <> 'merged' THEN PERFORM feedback_monthly_add(OLD, -1); END IF;
        IF NEW.state <> 'merged' THEN PERFORM feedback_monthly_add(NEW, 1); END IF;
    ELSE
        IF NEW.state <> 'merged' THEN PERFORM feedback_monthly_add(NEW, 1); END IF;
        IF OLD.state <> 'merged' THEN PERFORM feedback_monthly_add(OLD, -1); END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER feedback_report_insert_delete_count AFTER INSERT OR DELETE ON feedback_report
    FOR EACH ROW EXECUTE FUNCTION feedback_report_count();
-- Only changes of what is counted touch the counters (not hiding, reminders, photos' version bumps…).
CREATE TRIGGER feedback_report_update_count AFTER UPDATE ON feedback_report
    FOR EACH ROW WHEN ((OLD.state, OLD.agency_code, OLD.admin_unit_code, OLD.category_code, OLD.submitted_at,
                        OLD.due_at, OLD.answered_at, OLD.overdue, OLD.rating)
                       IS DISTINCT FROM (NEW.state, NEW.agency_code, NEW.admin_unit_code, NEW.category_code,
                        NEW.submitted_at, NEW.due_at, NEW.answered_at, NEW.overdue, NEW.rating))
    EXECUTE FUNCTION feedback_report_count();

-- Counts every report again from scratch: the backfill below, and after bulk loads that bypass the trigger.
CREATE FUNCTION feedback_monthly_rebuild() RETURNS void LANGUAGE sql AS $$
    DELETE FROM feedback_monthly;
    INSERT INTO feedback_monthly (agency_code, month, admin_unit_code, category_code, received, open, overdue,
        answered, answered_on_time, handling_micros, rated, rating_sum, satisfied)
    SELECT coalesce(agency_code, ''), date_trunc('month', submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
           admin_unit_code, category_code, count(*),
           count(*) FILTER (WHERE state IN ('received', 'assigned', 'in_progress', 'declined')),
           count(*) FILTER (WHERE overdue AND state IN ('received', 'assigned', 'in_progress', 'declined')),
           count(answered_at), count(*) FILTER (WHERE answered_at <= due_at),
           coalesce(sum(extract(epoch FROM answered_at - submitted_at) * 1000000), 0)::bigint,
           count(rating), coalesce(sum(rating), 0), count(*) FILTER (WHERE rating >= 3)
      FROM feedback_report WHERE state <> 'merged'
     GROUP BY 1, 2, 3, 4
$$;
SELECT feedback_monthly_rebuild();

-- The dashboard's overdue list, oldest deadline first, for the city and for one agency: read in index order
-- and stopped at the list's length. With only the agency index, the planner read every overdue report of
-- the city and sorted them (170 ms with 25,000 overdue of a million reports instead of under 1 ms).
CREATE INDEX feedback_report_overdue_idx ON feedback_report (due_at)
    WHERE overdue AND state IN ('received', 'assigned', 'in_progress', 'declined');
CREATE INDEX feedback_report_agency_overdue_idx ON feedback_report (agency_code, due_at)
    WHERE overdue AND state IN ('received', 'assigned', 'in_progress', 'declined');
