-- Calendar module: public holidays and public-sector working-day swaps (versions V4_x are the calendar's).
-- Rows are seeded from classpath:calendar/*.csv by the Java migration V4_2 (vn.citygov.calendar.internal).

CREATE TABLE calendar_holiday (
    date       date PRIMARY KEY,
    name_vi    text NOT NULL,
    name_en    text NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('fixed', 'lunar', 'substitute')),
    status     text NOT NULL CHECK (status IN ('official', 'statutory', 'provisional', 'unverified', 'computed')),
    source     text,
    note       text,
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    integer NOT NULL DEFAULT 0
);

-- A weekday given off to public servants ('day_off') or a Saturday worked in exchange ('workday').
CREATE TABLE calendar_workday_swap (
    date    date PRIMARY KEY,
    kind    text NOT NULL CHECK (kind IN ('day_off', 'workday')),
    name_vi text NOT NULL,
    name_en text NOT NULL,
    source  text,
    status  text NOT NULL DEFAULT 'official'
            CHECK (status IN ('official', 'statutory', 'provisional', 'unverified', 'computed'))
);
