package vn.citygov.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;

/**
 * Throws random bodies, parameters and path values at every operation the OpenAPI document lists, as
 * an anonymous caller and as an administrator, and checks that nothing answers 5xx and every error is
 * problem+json. The seed is fixed so a failure can be replayed.
 */
@IntegrationTest
class FuzzIntegrationTests {

    private static final long SEED = 20251122L;
    private static final int ROUNDS_PER_OPERATION = 25;

    @LocalServerPort
    int port;

    @Test
    void randomInputNeverCausesAServerError() {
        ApiClient anonymous = new ApiClient(port);
        ApiClient admin = anonymous.as("admin");
        JsonNode paths = anonymous.get("/v3/api-docs").json().get("paths");
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            for (String method : List.of("get", "post", "put", "delete", "patch")) {
                if (!path.getValue().has(method)) {
                    continue;
                }
                for (int round = 0; round < ROUNDS_PER_OPERATION; round++) {
                    ApiClient client = round % 2 == 0 ? anonymous : admin;
                    String target = fillPath(path.getKey(), random) + randomQuery(random);
                    boolean withBody = !method.equals("get") && !method.equals("delete");
                    byte[] body = withBody ? randomBody(random) : null;
                    String type = withBody ? (random.nextInt(5) == 0 ? "text/plain" : "application/json") : null;
                    Response r = client.raw(method.toUpperCase(), target, type, body);
                    calls++;
                    if (r.status() >= 500 || (r.status() >= 400 && !r.isProblem())) {
                        failures.add(method.toUpperCase() + " " + target + " -> " + r.status() + " "
                                + r.body().substring(0, Math.min(200, r.body().length())));
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(100);
        assertThat(failures).isEmpty();
    }

    private static String fillPath(String template, Random random) {
        return template.replaceAll("\\{[^}]+}", java.net.URLEncoder.encode(randomToken(random), StandardCharsets.UTF_8)
                .replace("+", "%20"));
    }

    private static String randomQuery(Random random) {
        String[] names = {"page", "size", "q", "year", "from", "to", "kind", "agency", "before", "workingDays",
                "received", "type", "parent", "adminUnit"};
        StringBuilder query = new StringBuilder("?");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            query.append(names[random.nextInt(names.length)]).append('=')
                    .append(java.net.URLEncoder.encode(randomToken(random), StandardCharsets.UTF_8)).append('&');
        }
        return query.toString();
    }

    private static String randomToken(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> "";
            case 1 -> Integer.toString(random.nextInt());
            case 2 -> "-1";
            case 3 -> "99999999999999999999";
            case 4 -> "Phường Sài Gòn";
            case 5 -> "'; DROP TABLE audit_entry; --";
            case 6 -> "2026-02-30";
            case 7 -> "x".repeat(random.nextInt(3000));
            default -> "%00\u0000\uD83D\uDE00" + random.nextLong();
        };
    }

    private static byte[] randomBody(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> new byte[0];
            case 1 -> {
                byte[] bytes = new byte[random.nextInt(512)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 2 -> "{".repeat(random.nextInt(2000)).getBytes(StandardCharsets.UTF_8);
            case 3 -> "[1,2,3]".getBytes(StandardCharsets.UTF_8);
            case 4 -> "null".getBytes(StandardCharsets.UTF_8);
            default -> randomJson(random, 0).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String randomJson(Random random, int depth) {
        int choice = depth > 3 ? random.nextInt(4) : random.nextInt(6);
        return switch (choice) {
            case 0 -> "null";
            case 1 -> Long.toString(random.nextLong());
            case 2 -> random.nextBoolean() ? "true" : "1.5e308";
            case 3 -> "\"" + randomToken(random).replace("\\", "\\\\").replace("\"", "\\\"")
                    .replaceAll("\\p{Cntrl}", "") + "\"";
            case 4 -> {
                StringBuilder array = new StringBuilder("[");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    array.append(i > 0 ? "," : "").append(randomJson(random, depth + 1));
                }
                yield array.append(']').toString();
            }
            default -> {
                String[] keys = {"username", "password", "name", "scopes", "agencyCode", "code", "version", "into",
                        "nameEn", "kind", "parentCode", "date", "nameVi"};
                StringBuilder object = new StringBuilder("{");
                int n = random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    object.append(i > 0 ? "," : "").append('"').append(keys[random.nextInt(keys.length)])
                            .append("\":").append(randomJson(random, depth + 1));
                }
                yield object.append('}').toString();
            }
        };
    }
}
