package vn.citygov.insight.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.directory.AdminUnitService;
import vn.citygov.directory.AgencyService;
import vn.citygov.insight.InsightFact;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.security.CurrentUser;

/**
 * Facts that no module records yet (procedure publication, online-service availability, procedures with an online
 * payment, work records, periodic reports…), loaded by a city administrator. They go through the
 * same idempotent path as events: a batch sent twice counts once.
 */
@Service
public class FactLoader {

    public static final String SOURCE = "manual";
    static final int MAX_BATCH = 1000;

    private final FactIngestion ingestion;
    private final AgencyService agencies;
    private final AdminUnitService units;
    private final Clock clock;

    FactLoader(FactIngestion ingestion, AgencyService agencies, AdminUnitService units, Clock clock) {
        this.ingestion = ingestion;
        this.agencies = agencies;
        this.units = units;
        this.clock = clock;
    }

    /**
     * @param eventId the loader's own id for the fact, so a retried batch counts once
     * @param measures counts for the day, e.g. {"service.total": 120, "service.online_receiving": 101}
     */
    public record FactInput(UUID eventId, String kind, String agencyCode, String adminUnitCode, Instant occurredAt,
            Map<String, Long> measures) {
    }

    public record LoadResult(int received, int added) {
    }

    @Transactional
    public LoadResult load(List<FactInput> input) {
        CurrentUser.require(IndexService.MANAGE, null);
        if (input == null || input.isEmpty()) {
            throw new InvalidInputException("facts", "insight.definition.required");
        }
        if (input.size() > MAX_BATCH) {
            throw new InvalidInputException("facts", "insight.facts.too-many", MAX_BATCH);
        }
        Instant latest = clock.instant().plus(Duration.ofDays(1));
        List<InsightFact> facts = new java.util.ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            FactInput f = input.get(i);
            String p = "facts[" + i + "]";
            if (f == null) {
                throw new InvalidInputException(p, "insight.definition.required");
            }
            if (f.eventId() == null) {
                throw new InvalidInputException(p + ".eventId", "insight.definition.required");
            }
            if (f.kind() == null || f.kind().length() > 80 || !DefinitionParser.CODE.matcher(f.kind()).matches()) {
                throw new InvalidInputException(p + ".kind", "insight.definition.invalid-code");
            }
            if (f.agencyCode() == null || !agencies.exists(f.agencyCode())) {
                throw new InvalidInputException(p + ".agencyCode", "insight.facts.unknown-agency");
            }
            if (f.adminUnitCode() != null && !f.adminUnitCode().isEmpty() && !units.exists(f.adminUnitCode())) {
                throw new InvalidInputException(p + ".adminUnitCode", "insight.facts.unknown-unit");
            }
            if (f.occurredAt() == null || f.occurredAt().isAfter(latest)
                    || f.occurredAt().isBefore(Instant.parse("2000-01-01T00:00:00Z"))) {
                throw new InvalidInputException(p + ".occurredAt", "insight.facts.time");
            }
            if (f.measures() == null || f.measures().isEmpty() || f.measures().size() > 50) {
                throw new InvalidInputException(p + ".measures", "insight.definition.required");
            }
            for (Map.Entry<String, Long> m : f.measures().entrySet()) {
                if (m.getKey() == null || !DefinitionParser.MEASURE.matcher(m.getKey()).matches()
                        || m.getKey().length() > 80) {
                    throw new InvalidInputException(p + ".measures", "insight.definition.invalid-measure");
                }
                if (m.getValue() == null || m.getValue() < 0 || m.getValue() > 1_000_000_000L) {
                    throw new InvalidInputException(p + ".measures." + m.getKey(), "insight.facts.value");
                }
            }
            facts.add(new InsightFact(f.eventId(), SOURCE, f.kind(), f.agencyCode(), f.adminUnitCode(), f.occurredAt(),
                    null, Map.copyOf(f.measures()), null));
        }
        return new LoadResult(input.size(), ingestion.recordAll(facts));
    }
}
