package vn.citygov.platform.database;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL that CityGov starts when no external database is configured.
 *
 * @param dataDirectory where the cluster lives between runs
 * @param port fixed port (0 picks a free one)
 * @param clean wipe the data directory on start (tests)
 * @param durable turn fsync, synchronous_commit and full_page_writes back on (run mode keeps real data)
 * @param settings further server settings, e.g. {@code shared_preload_libraries=pg_stat_statements} when profiling
 */
@ConfigurationProperties("citygov.db.embedded")
public record EmbeddedDatabaseProperties(
        @DefaultValue("var/pgdata") String dataDirectory,
        @DefaultValue("0") int port,
        @DefaultValue("false") boolean clean,
        @DefaultValue("true") boolean durable,
        Map<String, String> settings) {

    public EmbeddedDatabaseProperties {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
