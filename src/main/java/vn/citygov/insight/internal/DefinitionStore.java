package vn.citygov.insight.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.citygov.insight.IndexSettingChanged;
import vn.citygov.platform.error.ConflictException;
import vn.citygov.platform.error.NotFoundException;

/**
 * Versions of the indicator set, stored as validated JSON. The 766 set shipped with CityGov is loaded the
 * first time it is needed; a period is scored with the version in force on its first day.
 */
@Service
public class DefinitionStore {

    static final String DEFAULT = "insight/indicators-766-2022.json";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Map<String, IndicatorSet> parsed = new ConcurrentHashMap<>();
    private volatile List<VersionInfo> versions;
    /** Other nodes of a cluster see a newly loaded version within a minute. */
    private volatile long versionsReadAt;

    private final ApplicationEventPublisher events;

    DefinitionStore(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
    }

    public record VersionInfo(String version, LocalDate effectiveFrom, String loadedBy, Instant loadedAt) {
    }

    public List<VersionInfo> versions() {
        List<VersionInfo> v = versions;
        if (v == null || System.currentTimeMillis() - versionsReadAt > 60_000) {
            ensureDefault();
            v = jdbc.sql("SELECT version, effective_from, loaded_by, loaded_at FROM insight_definition "
                            + "ORDER BY effective_from DESC, loaded_at DESC")
                    .query((rs, i) -> new VersionInfo(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3),
                            rs.getTimestamp(4).toInstant())).list();
            versions = v;
            versionsReadAt = System.currentTimeMillis();
        }
        return v;
    }

    public IndicatorSet get(String version) {
        IndicatorSet set = parsed.get(version);
        if (set != null) {
            return set;
        }
        versions();
        String body = jdbc.sql("SELECT body::text FROM insight_definition WHERE version = ?").param(version)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("indicator-set", version));
        set = DefinitionParser.parse(json.readTree(body));
        parsed.put(version, set);
        return set;
    }

    /** The version in force on the day; before the first version, the oldest one. */
    public IndicatorSet forDay(LocalDate day) {
        List<VersionInfo> all = versions();
        for (VersionInfo v : all) {
            if (!v.effectiveFrom().isAfter(day)) {
                return get(v.version());
            }
        }
        return get(all.getLast().version());
    }

    /** Validates and stores a new version; an existing version number is a conflict, never overwritten. */
    @Transactional
    public IndicatorSet load(JsonNode body, String by) {
        IndicatorSet set = DefinitionParser.parse(body);
        versions();
        int n = jdbc.sql("INSERT INTO insight_definition (version, effective_from, body, loaded_by) "
                        + "VALUES (?, ?, ?::jsonb, ?) ON CONFLICT (version) DO NOTHING")
                .params(set.version(), set.effectiveFrom(), json.writeValueAsString(body), by).update();
        if (n == 0) {
            throw new ConflictException("insight.definition.version-exists", set.version());
        }
        versions = null;
        events.publishEvent(new IndexSettingChanged("insight-definition", set.version(), "loaded", Map.of(
                "effectiveFrom", set.effectiveFrom().toString(), "indicators", set.indicators().size())));
        return set;
    }

    private void ensureDefault() {
        try (InputStream in = new ClassPathResource(DEFAULT).getInputStream()) {
            JsonNode body = json.readTree(in);
            IndicatorSet set = DefinitionParser.parse(body);
            jdbc.sql("INSERT INTO insight_definition (version, effective_from, body, loaded_by) "
                            + "VALUES (?, ?, ?::jsonb, 'system') ON CONFLICT (version) DO NOTHING")
                    .params(set.version(), set.effectiveFrom(), json.writeValueAsString(body)).update();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
