package vn.citygov.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.OnlineFiling;

/** Drives a real dossier through the dossiers API, as a citizen and the Sài Gòn ward desk, for insight's tests. */
final class InsightDossiers {

    static final String WARD = "26740";
    static final String AGENCY = "ubnd-26740";

    private InsightDossiers() {
    }

    /** Submits a birth registration online and takes it to the returned result; answers the final dossier. */
    static JsonNode completed(ApiClient api) {
        Response r = OnlineFiling.post(api.as("congdan"), OnlineFiling.birth(WARD));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode d = r.json();
        ApiClient desk = api.as("canbo");
        for (String action : new String[] {"accept", "start", "approve", "issue_result", "return_result"}) {
            Response a = desk.post("/api/v1/dossiers/" + d.get("id").asLong() + "/actions",
                    Map.of("action", action, "version", d.get("version").asInt()));
            assertThat(a.status()).as(action + ": " + a.body()).isEqualTo(200);
            d = a.json();
        }
        return d;
    }

    static void eventually(BooleanSupplier condition, String what) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("Not within 10 s: " + what);
    }
}
