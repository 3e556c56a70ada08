package vn.citygov.calendar.internal;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Seeds the calendar tables from the CSV files in {@code classpath:calendar/} (see SOURCES.md there).
 * A Flyway migration rather than a start-up job, so the data is loaded exactly once, in the same
 * transaction as the schema, and holidays an administrator deleted do not come back.
 * Spring Boot hands {@code JavaMigration} beans to Flyway.
 */
@Component
class V4_2__SeedCalendarData extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        // Flyway owns the connection and its transaction; do not let the wrapper close it.
        var dataSource = new SingleConnectionDataSource(context.getConnection(), true);
        var repository = new CalendarRepository(JdbcClient.create(dataSource));
        if (repository.countSwaps() == 0) {
            CalendarCsv.classpathSwaps().forEach(repository::insertSwap);
        }
        CalendarCsv.classpathHolidays().forEach(repository::insertHoliday);
    }
}
