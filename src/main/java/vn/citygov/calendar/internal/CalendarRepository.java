package vn.citygov.calendar.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.citygov.calendar.Holiday;
import vn.citygov.calendar.HolidayKind;
import vn.citygov.calendar.HolidayStatus;
import vn.citygov.calendar.WorkdaySwap;

/** SQL for {@code calendar_holiday} and {@code calendar_workday_swap}. */
@Repository
class CalendarRepository {

    static final String HOLIDAY_COLUMNS = "date, name_vi, name_en, kind, status, source, note, updated_at, version";

    static final String HOLIDAYS_BETWEEN = """
            SELECT %s
              FROM calendar_holiday
             WHERE date >= :from AND date < :to
             ORDER BY date
            """.formatted(HOLIDAY_COLUMNS);

    static final String COUNT_HOLIDAYS_BETWEEN = """
            SELECT count(*) FROM calendar_holiday WHERE date >= :from AND date < :to
            """;

    static final String FIND_HOLIDAY = """
            SELECT %s
              FROM calendar_holiday
             WHERE date = :date
            """.formatted(HOLIDAY_COLUMNS);

    /** Does nothing if the date already has a holiday, so seeding and concurrent first edits are safe. */
    static final String INSERT_HOLIDAY = """
            INSERT INTO calendar_holiday (date, name_vi, name_en, kind, status, source, note, updated_at, version)
            VALUES (:date, :nameVi, :nameEn, :kind, :status, :source, :note, now(), 0)
            ON CONFLICT (date) DO NOTHING
            """;

    /** Optimistic locking: only the version the editor saw is updated. */
    static final String UPDATE_HOLIDAY = """
            UPDATE calendar_holiday
               SET name_vi = :nameVi, name_en = :nameEn, kind = :kind, status = :status,
                   source = :source, note = :note, updated_at = now(), version = version + 1
             WHERE date = :date AND version = :version
            """;

    static final String DELETE_HOLIDAY = """
            DELETE FROM calendar_holiday WHERE date = :date
            """;

    static final String DELETE_HOLIDAY_VERSION = """
            DELETE FROM calendar_holiday WHERE date = :date AND version = :version
            """;

    static final String SWAPS_BETWEEN = """
            SELECT date, kind, name_vi, name_en, source, status
              FROM calendar_workday_swap
             WHERE date >= :from AND date < :to
             ORDER BY date
            """;

    static final String INSERT_SWAP = """
            INSERT INTO calendar_workday_swap (date, kind, name_vi, name_en, source, status)
            VALUES (:date, :kind, :nameVi, :nameEn, :source, :status)
            ON CONFLICT (date) DO NOTHING
            """;

    static final String COUNT_SWAPS = """
            SELECT count(*) FROM calendar_workday_swap
            """;

    private final JdbcClient jdbc;

    CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Holiday> holidaysOfYear(int year) {
        return jdbc.sql(HOLIDAYS_BETWEEN)
                .param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year + 1, 1, 1))
                .query(CalendarRepository::holiday)
                .list();
    }

    long countHolidaysOfYear(int year) {
        return jdbc.sql(COUNT_HOLIDAYS_BETWEEN)
                .param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year + 1, 1, 1))
                .query(Long.class)
                .single();
    }

    Optional<Holiday> findHoliday(LocalDate date) {
        return jdbc.sql(FIND_HOLIDAY).param("date", date).query(CalendarRepository::holiday).optional();
    }

    boolean insertHoliday(Holiday holiday) {
        return jdbc.sql(INSERT_HOLIDAY)
                .param("date", holiday.date())
                .param("nameVi", holiday.nameVi())
                .param("nameEn", holiday.nameEn())
                .param("kind", holiday.kind().code())
                .param("status", holiday.status().code())
                .param("source", holiday.source(), Types.VARCHAR)
                .param("note", holiday.note(), Types.VARCHAR)
                .update() == 1;
    }

    boolean updateHoliday(Holiday holiday, int expectedVersion) {
        return jdbc.sql(UPDATE_HOLIDAY)
                .param("date", holiday.date())
                .param("nameVi", holiday.nameVi())
                .param("nameEn", holiday.nameEn())
                .param("kind", holiday.kind().code())
                .param("status", holiday.status().code())
                .param("source", holiday.source(), Types.VARCHAR)
                .param("note", holiday.note(), Types.VARCHAR)
                .param("version", expectedVersion)
                .update() == 1;
    }

    boolean deleteHoliday(LocalDate date, Integer expectedVersion) {
        if (expectedVersion == null) {
            return jdbc.sql(DELETE_HOLIDAY).param("date", date).update() == 1;
        }
        return jdbc.sql(DELETE_HOLIDAY_VERSION).param("date", date).param("version", expectedVersion).update() == 1;
    }

    List<WorkdaySwap> swapsOfYear(int year) {
        return jdbc.sql(SWAPS_BETWEEN)
                .param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year + 1, 1, 1))
                .query((rs, n) -> new WorkdaySwap(rs.getObject("date", LocalDate.class),
                        WorkdaySwap.Kind.fromCode(rs.getString("kind")), rs.getString("name_vi"),
                        rs.getString("name_en"), rs.getString("source"), HolidayStatus.fromCode(rs.getString("status"))))
                .list();
    }

    boolean insertSwap(WorkdaySwap swap) {
        return jdbc.sql(INSERT_SWAP)
                .param("date", swap.date())
                .param("kind", swap.kind().code())
                .param("nameVi", swap.nameVi())
                .param("nameEn", swap.nameEn())
                .param("source", swap.source(), Types.VARCHAR)
                .param("status", swap.status().code())
                .update() == 1;
    }

    long countSwaps() {
        return jdbc.sql(COUNT_SWAPS).query(Long.class).single();
    }

    private static Holiday holiday(ResultSet rs, int rowNum) throws SQLException {
        OffsetDateTime updatedAt = rs.getObject("updated_at", OffsetDateTime.class);
        return new Holiday(rs.getObject("date", LocalDate.class), rs.getString("name_vi"), rs.getString("name_en"),
                HolidayKind.fromCode(rs.getString("kind")), HolidayStatus.fromCode(rs.getString("status")),
                rs.getString("source"), rs.getString("note"), updatedAt == null ? null : updatedAt.toInstant(),
                rs.getInt("version"));
    }
}
