package vn.citygov.calendar;

import java.time.LocalDate;

/**
 * The Vietnamese lunisolar calendar (âm lịch), following Hồ Ngọc Đức's published method: new moons and
 * the sun's longitude from Jean Meeus' "Astronomical Algorithms", with days counted at UTC+7. The time
 * zone matters: it is why Vietnam's Tết differs from China's (UTC+8) in years such as 1985 and 2007.
 *
 * <p>Rules: a lunar month starts on the day (at UTC+7) of a new moon; month 11 is the month that holds
 * the winter solstice; a lunar year with 13 months between two month-11s gets a leap month, the first
 * month after month 11 that contains no major solar term (trung khí). Valid for 1800–2199.
 *
 * <p>Pure Java and thread-safe; no Spring.
 */
public final class LunarCalendar {

    /** Vietnam's civil time, in hours east of Greenwich, used since 1975 for the whole country. */
    public static final double TIME_ZONE_HOURS = 7.0;

    private static final double SYNODIC_MONTH = 29.530588853;
    /** Julian day of the new moon of 1900-01-01 (Meeus' k = 0 epoch), as used by the method. */
    private static final double NEW_MOON_EPOCH = 2415021.076998695;
    private static final long EPOCH_DAY_JDN = 2440588; // Julian day number of 1970-01-01
    private static final double DR = Math.PI / 180;

    private static final String[] CAN = {"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"};
    private static final String[] CHI = {"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"};

    /** A lunar date; {@code year} is the lunar year, named after the solar year in which it mostly falls. */
    public record LunarDate(int year, int month, int day, boolean leapMonth) {

        public LunarDate {
            if (month < 1 || month > 12 || day < 1 || day > 30) {
                throw new IllegalArgumentException("Invalid lunar date " + day + "/" + month + "/" + year);
            }
        }

        /** dd/MM/yyyy as printed on Vietnamese calendars, with "(nhuận)" for a leap month. */
        @Override
        public String toString() {
            return "%02d/%02d/%d%s".formatted(day, month, year, leapMonth ? " (nhuận)" : "");
        }
    }

    private LunarCalendar() {
    }

    /** The lunar date of a solar (Gregorian) date. */
    public static LunarDate toLunar(LocalDate solar) {
        checkRange(solar.getYear());
        long dayNumber = jdn(solar);
        // The mean-month estimate of k can be off by one near a new moon; step until the month holds the day.
        long k = (long) Math.floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH) + 1;
        long monthStart = newMoonDay(k);
        while (monthStart > dayNumber) {
            monthStart = newMoonDay(--k);
        }
        while (newMoonDay(k + 1) <= dayNumber) {
            monthStart = newMoonDay(++k);
        }
        int yy = solar.getYear();
        long a11 = lunarMonth11(yy);
        long b11;
        int lunarYear;
        if (a11 >= monthStart) {
            lunarYear = yy;
            b11 = a11;
            a11 = lunarMonth11(yy - 1);
        } else {
            lunarYear = yy + 1;
            b11 = lunarMonth11(yy + 1);
        }
        int day = (int) (dayNumber - monthStart + 1);
        int diff = (int) Math.floor((monthStart - a11) / 29.0);
        boolean leap = false;
        int month = diff + 11;
        if (b11 - a11 > 365) {
            int leapDiff = leapMonthOffset(a11);
            if (diff >= leapDiff) {
                month = diff + 10;
                leap = diff == leapDiff;
            }
        }
        if (month > 12) {
            month -= 12;
        }
        // Months 11 and 12 right after a11 still belong to the previous lunar year.
        if (month >= 11 && diff < 4) {
            lunarYear -= 1;
        }
        return new LunarDate(lunarYear, month, day, leap);
    }

    /**
     * The solar date of a lunar date; throws if {@code leapMonth} is set but that month is not leap that
     * year, or if the day does not exist (day 30 of a 29-day month).
     */
    public static LocalDate toSolar(LunarDate lunar) {
        checkRange(lunar.year());
        int month = lunar.month();
        long a11;
        long b11;
        if (month < 11) {
            a11 = lunarMonth11(lunar.year() - 1);
            b11 = lunarMonth11(lunar.year());
        } else {
            a11 = lunarMonth11(lunar.year());
            b11 = lunarMonth11(lunar.year() + 1);
        }
        long k = (long) Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
        int offset = month - 11;
        if (offset < 0) {
            offset += 12;
        }
        if (b11 - a11 > 365) {
            int leapOffset = leapMonthOffset(a11);
            int leapMonth = leapOffset - 2;
            if (leapMonth < 0) {
                leapMonth += 12;
            }
            if (lunar.leapMonth() && month != leapMonth) {
                throw new IllegalArgumentException("Lunar year " + lunar.year() + " has no leap month " + month);
            }
            if (lunar.leapMonth() || offset >= leapOffset) {
                offset += 1;
            }
        } else if (lunar.leapMonth()) {
            throw new IllegalArgumentException("Lunar year " + lunar.year() + " has no leap month");
        }
        long monthStart = newMoonDay(k + offset);
        if (lunar.day() > newMoonDay(k + offset + 1) - monthStart) {
            throw new IllegalArgumentException("Lunar month " + lunar.month() + "/" + lunar.year() + " has only "
                    + (newMoonDay(k + offset + 1) - monthStart) + " days");
        }
        return LocalDate.ofEpochDay(monthStart + lunar.day() - 1 - EPOCH_DAY_JDN);
    }

    /** The solar date of a day in a non-leap lunar month. */
    public static LocalDate toSolar(int lunarYear, int lunarMonth, int lunarDay) {
        return toSolar(new LunarDate(lunarYear, lunarMonth, lunarDay, false));
    }

    /** Tết Nguyên đán: mùng 1 tháng Giêng (1/1 lunar) of the lunar year that starts in {@code year}. */
    public static LocalDate tet(int year) {
        return toSolar(year, 1, 1);
    }

    /** The last day of lunar year {@code lunarYear} (29 or 30 tháng Chạp): the day before the next Tết. */
    public static LocalDate lastDayOfLunarYear(int lunarYear) {
        return tet(lunarYear + 1).minusDays(1);
    }

    /** Giỗ Tổ Hùng Vương: 10/3 lunar of {@code year}. */
    public static LocalDate hungKings(int year) {
        return toSolar(year, 3, 10);
    }

    /** The sexagenary (can chi) name of a lunar year, e.g. 2026 → "Bính Ngọ". */
    public static String canChi(int lunarYear) {
        return CAN[Math.floorMod(lunarYear + 6, 10)] + " " + CHI[Math.floorMod(lunarYear + 8, 12)];
    }

    private static void checkRange(int year) {
        if (year < 1800 || year > 2199) {
            throw new IllegalArgumentException("Year out of the supported range 1800-2199: " + year);
        }
    }

    private static long jdn(LocalDate date) {
        return date.toEpochDay() + EPOCH_DAY_JDN;
    }

    /** Julian day (TT corrected to UT) of the k-th new moon after 1900-01-01, Meeus ch. 49 (abridged). */
    static double newMoon(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
                + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DR);
        double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3; // sun's mean anomaly
        double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3; // moon's mean anomaly
        double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3; // moon's argument of latitude
        double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * DR) + 0.0021 * Math.sin(2 * DR * m)
                - 0.4068 * Math.sin(mpr * DR) + 0.0161 * Math.sin(DR * 2 * mpr)
                - 0.0004 * Math.sin(DR * 3 * mpr)
                + 0.0104 * Math.sin(DR * 2 * f) - 0.0051 * Math.sin(DR * (m + mpr))
                - 0.0074 * Math.sin(DR * (m - mpr)) + 0.0004 * Math.sin(DR * (2 * f + m))
                - 0.0004 * Math.sin(DR * (2 * f - m)) - 0.0006 * Math.sin(DR * (2 * f + mpr))
                + 0.0010 * Math.sin(DR * (2 * f - mpr)) + 0.0005 * Math.sin(DR * (2 * mpr + m));
        double deltaT = t < -11
                ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
                : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return jd1 + c1 - deltaT;
    }

    /** Day number (JDN) on which the k-th new moon falls in Vietnam's time zone. */
    private static long newMoonDay(long k) {
        return (long) Math.floor(newMoon(k) + 0.5 + TIME_ZONE_HOURS / 24);
    }

    /** The sun's apparent longitude in radians, [0, 2π), at Julian day {@code jd}; Meeus ch. 25 (low precision). */
    static double sunLongitude(double jd) {
        double t = (jd - 2451545.0) / 36525;
        double t2 = t * t;
        double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(DR * m)
                + (0.019993 - 0.000101 * t) * Math.sin(DR * 2 * m) + 0.000290 * Math.sin(DR * 3 * m);
        double l = (l0 + dl) * DR;
        return l - 2 * Math.PI * Math.floor(l / (2 * Math.PI));
    }

    /** Which of the 12 major-term sectors (0..11, 30° each from the vernal equinox) the sun is in at the start of a day. */
    private static int sunSector(long dayNumber) {
        return (int) Math.floor(sunLongitude(dayNumber - 0.5 - TIME_ZONE_HOURS / 24) / Math.PI * 6);
    }

    /** Start (JDN) of lunar month 11 of {@code year}: the month containing the winter solstice. */
    private static long lunarMonth11(int year) {
        long off = jdn(LocalDate.of(year, 12, 31)) - 2415021;
        long k = (long) Math.floor(off / SYNODIC_MONTH);
        long nm = newMoonDay(k);
        // If the sun has already passed 270° at that new moon, the solstice lies in the previous month.
        if (sunSector(nm) >= 9) {
            nm = newMoonDay(k - 1);
        }
        return nm;
    }

    /** Offset, in months after month 11 starting at {@code a11}, of the leap month (the first without a major term). */
    private static int leapMonthOffset(long a11) {
        long k = (long) Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
        int i = 1;
        int arc = sunSector(newMoonDay(k + i));
        int last;
        do {
            last = arc;
            i++;
            arc = sunSector(newMoonDay(k + i));
        } while (arc != last && i < 14);
        return i - 1;
    }
}
