-- Per agency, unit, city month and measure: the daily counters rolled up by month, kept in the same
-- transaction as insight_daily. A period reads its whole months here (~30 times fewer rows than the days)
-- and only the days of a partial month from insight_daily.
CREATE TABLE insight_monthly (
    agency_code     text NOT NULL,
    admin_unit_code text NOT NULL,
    -- first day of the city month
    month           date NOT NULL CHECK (extract(day FROM month) = 1),
    measure         text NOT NULL,
    value           bigint NOT NULL,
    PRIMARY KEY (month, agency_code, admin_unit_code, measure)
);

INSERT INTO insight_monthly (agency_code, admin_unit_code, month, measure, value)
SELECT agency_code, admin_unit_code, date_trunc('month', day)::date, measure, sum(value)
FROM insight_daily GROUP BY 1, 2, 3, 4;
