package vn.citygov.insight.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.citygov.demo.DemoContributor;
import vn.citygov.demo.DemoSize;
import vn.citygov.directory.AgencyService;
import vn.citygov.directory.AgencySummary;
import vn.citygov.insight.InsightFact;

/**
 * A year of deterministic facts for every department and ward so the dashboard is not empty: a fact of
 * dossier and feedback counts per agency every week (every four weeks before the last three months), and one monthly fact of the figures agencies report
 * (procedures, online services, work records, periodic reports). Marked source "demo". Each agency has
 * its own level and drift, and a few drop sharply this month to show the alerts.
 */
@Component
@Order(50)
class InsightDemo implements DemoContributor {

    static final String SOURCE = "demo";
    private static final Logger log = LoggerFactory.getLogger(InsightDemo.class);

    private final AgencyService agencies;
    private final FactIngestion ingestion;
    private final IndexService index;
    private final Clock clock;

    InsightDemo(AgencyService agencies, FactIngestion ingestion, IndexService index, Clock clock) {
        this.agencies = agencies;
        this.ingestion = ingestion;
        this.index = index;
        this.clock = clock;
    }

    @Override
    public void load(DemoSize size) {
        LocalDate today = LocalDate.now(clock.withZone(Period.CITY));
        List<InsightFact> facts = new ArrayList<>();
        for (AgencySummary a : agencies.allActive()) {
            if (index.peerGroup(a) != null) {
                facts.addAll(history(a, today, IndexService.WARDS.equals(index.peerGroup(a))));
            }
        }
        log.info("Added {} demo facts for the service-quality index", ingestion.loadHistory(facts));
    }

    static List<InsightFact> history(AgencySummary a, LocalDate today, boolean ward) {
        Random random = new Random(a.code().hashCode() * 31L + 766);
        double level = 0.55 + random.nextDouble() * 0.4;
        double drift = (random.nextDouble() - 0.5) * 0.004;
        boolean drops = Math.floorMod(a.code().hashCode(), 17) == 0;
        int scale = ward ? 30 : 120;
        List<InsightFact> facts = new ArrayList<>();
        LocalDate start = today.minusDays(364);
        // weekly for the last three months, every four weeks before: fewer rows, the same monthly picture
        int step;
        for (LocalDate day = start; day.isBefore(today); day = day.plusDays(step)) {
            step = day.isBefore(today.minusDays(98)) ? 28 : 7;
            int weight = step / 7;
            long weeks = java.time.temporal.ChronoUnit.WEEKS.between(start, day);
            double q = clamp(level + drift * weeks + (random.nextDouble() - 0.5) * 0.06
                    - (drops && YearMonth.from(day).equals(YearMonth.from(today)) ? 0.3 : 0));
            long received = (scale / 2 + random.nextInt(scale)) * weight;
            long finished = Math.round(received * (0.85 + random.nextDouble() * 0.1));
            long onTime = Math.round(finished * clamp(q + 0.1));
            long rated = Math.round(finished * 0.3);
            long satisfied = Math.round(rated * q);
            long dissatisfied = Math.round((rated - satisfied) * 0.4);
            long reports = (ward ? 3 + random.nextInt(8) : random.nextInt(4)) * weight;
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("dossier.received", received);
            m.put("dossier.received_online", Math.round(received * clamp(q - 0.15)));
            m.put("dossier.synced_national", Math.round(received * clamp(q + 0.05)));
            m.put("dossier.finished", finished);
            m.put("dossier.finished_on_time", onTime);
            m.put("dossier.finished_late", finished - onTime);
            m.put("dossier.finished_online", Math.round(finished * clamp(q - 0.2)));
            m.put("dossier.processing_hours", finished * (24 + random.nextInt(96)));
            m.put("dossier.rated", rated);
            m.put("dossier.rating_sum", satisfied * 5 + (rated - satisfied - dissatisfied) * 3 + dissatisfied);
            m.put("dossier.rated_satisfied", satisfied);
            m.put("dossier.rated_dissatisfied", dissatisfied);
            m.put("dossier.full_online_eligible", received / 2);
            m.put("dossier.full_online", Math.round(received / 2.0 * clamp(q - 0.1)));
            m.put("dossier.fee_bearing", received / 3);
            m.put("dossier.paid_online", Math.round(received / 3.0 * clamp(q - 0.25)));
            m.put("dossier.result_electronic", Math.round(finished * clamp(q)));
            m.put("dossier.digitised", Math.round(received * clamp(q - 0.3)));
            m.put("dossier.certified", received / 5);
            m.put("dossier.certified_electronic", Math.round(received / 5.0 * clamp(q - 0.2)));
            m.put("dossier.data_reuse_eligible", received / 4);
            m.put("dossier.data_reused", Math.round(received / 4.0 * clamp(q - 0.1)));
            m.put("dossier.result_shared", Math.round(finished * clamp(q - 0.35)));
            m.put("dossier.population_db_used", Math.round(received * clamp(q + 0.1)));
            if (reports > 0) {
                long answered = Math.max(1, reports - random.nextInt(2));
                m.put("report.received", reports);
                m.put("report.answered", answered);
                m.put("report.answered_on_time", Math.round(answered * clamp(q + 0.05)));
                m.put("report.closed", answered);
                m.put("report.rated", answered);
                m.put("report.rated_satisfied", Math.round(answered * clamp(q)));
            }
            facts.add(fact(a, day, "demo.weekly", m));
        }
        for (YearMonth ym = YearMonth.from(start).plusMonths(1); !ym.isAfter(YearMonth.from(today)); ym = ym.plusMonths(1)) {
            double q = clamp(level + (random.nextDouble() - 0.5) * 0.05);
            long procedures = ward ? 60 + random.nextInt(40) : 80 + random.nextInt(120);
            long feeBearing = procedures / 3;
            long services = procedures - random.nextInt(10);
            long records = ward ? 200 + random.nextInt(300) : 500 + random.nextInt(1000);
            long published = 2 + random.nextInt(6);
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("procedure.total", procedures);
            m.put("procedure.national_db_on_time", Math.round(procedures * clamp(q + 0.1)));
            m.put("procedure.public_complete", Math.round(procedures * clamp(q + 0.15)));
            m.put("procedure.population_db_connected", Math.round(procedures * clamp(q - 0.1)));
            m.put("procedure.published", published);
            m.put("procedure.published_on_time", Math.round(published * clamp(q + 0.1)));
            m.put("procedure.fee_bearing", feeBearing);
            m.put("procedure.fee_published", Math.round(feeBearing * clamp(q + 0.2)));
            m.put("procedure.online_paid", Math.round(feeBearing * clamp(q - 0.05)));
            m.put("service.total", services);
            m.put("service.online_receiving", Math.round(services * clamp(q + 0.05)));
            m.put("work.records", records);
            m.put("work.records_online", Math.round(records * clamp(q + (ward ? -0.1 : 0.1))));
            m.put("periodic_report.total", 4L);
            m.put("periodic_report.on_system", Math.round(4 * clamp(q + 0.1)));
            facts.add(fact(a, ym.atDay(1), "demo.monthly", m));
        }
        return facts;
    }

    private static InsightFact fact(AgencySummary a, LocalDate day, String kind, Map<String, Long> m) {
        UUID id = UUID.nameUUIDFromBytes((SOURCE + "|" + kind + "|" + a.code() + "|" + day).getBytes(StandardCharsets.UTF_8));
        return new InsightFact(id, SOURCE, kind, a.code(), a.adminUnitCode(),
                day.atTime(LocalTime.NOON).atZone(Period.CITY).toInstant(), null, Map.copyOf(m), null);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
