package vn.citygov.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citygov.dossiers.DossiersIntegrationTests.act;
import static vn.citygov.dossiers.DossiersIntegrationTests.ok;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.citygov.identity.AccountService;
import vn.citygov.identity.AccountService.RoleGrant;
import vn.citygov.identity.NewUser;
import vn.citygov.platform.security.CityGovUser.UserKind;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;
import vn.citygov.support.OnlineFiling;

/**
 * Processing along the procedure's workflow over HTTP: claim, forward (to a named official), return to the previous
 * step, approval, per-step deadlines, conflicts, agency rules, and an inter-agency procedure with a police step.
 */
@IntegrationTest
class DossierStepsIntegrationTests {

    static final String INTER_AGENCY_BIRTH = "1.004837";
    private static final AtomicInteger USERS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    JsonNode accepted(String procedure) {
        Map<String, Object> body = OnlineFiling.birth("26740");
        body.put("procedureCode", procedure);
        if (INTER_AGENCY_BIRTH.equals(procedure)) {
            Map<String, Object> values = new LinkedHashMap<>(OnlineFiling.birthValues());
            values.remove("relation");
            values.put("healthInsuranceDelivery", "online");
            body.put("values", values);
        }
        Response r = OnlineFiling.post(api.as("congdan"), body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return ok(act(api.as("canbo"), r.json(), "accept", Map.of()));
    }

    JsonNode steps(ApiClient as, JsonNode d) {
        Response r = as.get("/api/v1/dossiers/" + d.get("id").asLong() + "/steps");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** An official of another agency, e.g. the city police, with the demo password. */
    ApiClient officialOf(String agency) {
        return officialOf(agency, officialName());
    }

    static String officialName() {
        return "canbo.test" + USERS.incrementAndGet() + "." + System.nanoTime() % 100000;
    }

    ApiClient officialOf(String agency, String username) {
        accounts.open(new NewUser(username, "Cán bộ " + agency, username + "@example.test", null, UserKind.OFFICIAL),
                accounts.hash("citygov-demo"), false, List.of(RoleGrant.inAgency("OFFICIAL", agency)));
        return api.as(username);
    }

    @Test
    void theDossierFollowsItsWorkflowStepByStepToTheReturnedResult() {
        ApiClient specialist = api.as("canbo");
        ApiClient head = api.as("quantri.saigon");
        JsonNode d = accepted(DossiersIntegrationTests.BIRTH);
        JsonNode s = steps(specialist, d);
        assertThat(s).hasSize(5);
        assertThat(s.get(0).get("finishedAt").isNull()).as("reception done on acceptance").isFalse();
        assertThat(s.get(1).get("code").asString()).isEqualTo("civil-status-officer");
        assertThat(s.get(1).get("startedAt").isNull()).isFalse();
        assertThat(s.get(1).get("dueAt").asString()).as("a step's deadline is not after the appointment")
                .isLessThanOrEqualTo(d.get("dueAt").asString());
        assertThat(d.get("actions").toString()).contains("claim", "forward").doesNotContain("issue_result");

        JsonNode claimed = ok(act(specialist, d, "claim", Map.of()));
        assertThat(claimed.get("state").asString()).isEqualTo("in_progress");
        Response notMine = act(head, claimed, "forward", Map.of());
        assertThat(notMine.status()).isEqualTo(409);
        assertThat(notMine.json().get("code").asString()).isEqualTo("claimed-by-other");

        Response nobody = act(specialist, claimed, "forward", Map.of("assignee", "congdan"));
        assertThat(nobody.status()).as("a citizen cannot take an approval step").isEqualTo(400);
        JsonNode forwarded = ok(act(specialist, claimed, "forward", Map.of("assignee", "quantri.saigon")));
        assertThat(steps(head, d).get(2).get("assignee").asString()).isEqualTo("quantri.saigon");
        JsonNode publicStatus = api.get("/api/v1/dossiers/" + forwarded.get("code").asString() + "/status").json();
        assertThat(publicStatus.get("stepName").asString()).as("the public lookup names the current step")
                .isEqualTo(steps(head, d).get(2).get("name").asString());
        assertThat(publicStatus.toString()).doesNotContain("quantri.saigon");
        assertThat(act(specialist, forwarded, "approve", Map.of()).status()).as("named for the head").isEqualTo(409);

        Response noReason = act(head, forwarded, "return_step", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        JsonNode back = ok(act(head, forwarded, "return_step", Map.of("comment", "Thiếu tên cha trong tờ khai")));
        JsonNode afterReturn = steps(head, d);
        assertThat(afterReturn.get(1).get("assignee").asString()).as("back to who handled it").isEqualTo("canbo");
        assertThat(afterReturn.get(1).get("finishedAt").isNull()).isTrue();
        assertThat(back.get("history").toString()).contains("return_step", "Thiếu tên cha");

        JsonNode again = ok(act(specialist, back, "forward", Map.of()));
        JsonNode approved = ok(act(head, again, "approve", Map.of()));
        assertThat(approved.get("state").asString()).isEqualTo("approved");
        JsonNode issued = ok(act(specialist, approved, "issue_result", Map.of()));
        JsonNode returned = ok(act(specialist, issued, "return_result", Map.of()));
        assertThat(returned.get("state").asString()).isEqualTo("returned");
        JsonNode done = steps(api.as("congdan"), d);
        for (JsonNode step : done) {
            assertThat(step.get("finishedAt").isNull()).as(step.get("code").asString()).isFalse();
            if (step.get("position").asInt() > 0) {
                assertThat(step.get("onTime").asBoolean()).as(step.get("code").asString()).isTrue();
            }
        }
        assertThat(api.get("/api/v1/dossiers/" + returned.get("code").asString() + "/status").json().get("state")
                .asString()).isEqualTo("returned");
    }

    @Test
    void illegalStaleOtherAgencyAndOtherCitizenAreRefused() {
        ApiClient desk = api.as("canbo");
        JsonNode d = accepted(DossiersIntegrationTests.BIRTH);
        Response illegal = act(desk, d, "issue_result", Map.of());
        assertThat(illegal.status()).as("the result is not the current step").isEqualTo(409);
        assertThat(illegal.json().get("code").asString()).isEqualTo("illegal-transition");
        assertThat(act(desk, d, "return_step", Map.of("comment", "x")).status()).as("nothing before").isEqualTo(409);
        JsonNode claimed = ok(act(desk, d, "claim", Map.of()));
        Response stale = act(desk, d, "forward", Map.of());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asString()).isEqualTo("stale-version");
        assertThat(act(api.as("quantri.benthanh"), claimed, "forward", Map.of()).status()).isEqualTo(403);
        assertThat(act(api.as("doanhnghiep"), claimed, "claim", Map.of()).status()).isEqualTo(404);
        assertThat(api.as("doanhnghiep").get("/api/v1/dossiers/" + d.get("id").asLong() + "/steps").status())
                .isEqualTo(404);
        JsonNode submitted = OnlineFiling.post(api.as("congdan"), OnlineFiling.birth("26740")).json();
        assertThat(act(desk, submitted, "claim", Map.of()).status()).as("not accepted yet").isEqualTo(409);
    }

    @Test
    void anInterAgencyStepIsSeenAndTakenByTheOtherAgencysOfficials() throws Exception {
        ApiClient ward = api.as("canbo");
        String policeUser = officialName();
        ApiClient police = officialOf("cong-an-tp", policeUser);
        JsonNode d = accepted(INTER_AGENCY_BIRTH);
        String path = "/api/v1/dossiers/" + d.get("id").asLong();
        JsonNode forwarded = ok(act(ward, d, "forward", Map.of()));
        JsonNode wardApproved = ok(act(ward, forwarded, "approve", Map.of()));
        assertThat(wardApproved.get("state").asString()).as("more work follows").isEqualTo("in_progress");
        JsonNode s = steps(ward, d);
        assertThat(s.get(3).get("agencyCode").asString()).isEqualTo("cong-an-tp");
        assertThat(s.get(1).get("agencyCode").asString()).isEqualTo("ubnd-26740");

        // The dossier left the ward's one-stop desk for the police step.
        assertThat(ward.get("/api/v1/work-queue?size=100&handlingPoint=mot-cua-26740").body())
                .doesNotContain("\"id\":" + d.get("id").asLong() + ",");
        assertThat(act(ward, wardApproved, "claim", Map.of()).status()).as("the ward cannot take the police step")
                .isEqualTo(403);
        assertThat(police.get(path).status()).as("the police read the dossier").isEqualTo(200);
        JsonNode queue = police.get("/api/v1/work-queue?size=100").json();
        assertThat(queue.get("items").toString()).contains("\"id\":" + d.get("id").asLong());
        // The older dossier list and its page show what the agency holds now, as the work queue does.
        assertThat(police.get("/api/v1/dossiers?size=100").body()).contains("\"id\":" + d.get("id").asLong() + ",");
        assertThat(police.get("/api/v1/dossiers?size=100&state=in_progress&agency=cong-an-tp").body())
                .contains("\"id\":" + d.get("id").asLong() + ",");
        assertThat(ward.get("/api/v1/dossiers?size=100&state=in_progress").body()).as("the ward handed it over")
                .doesNotContain("\"id\":" + d.get("id").asLong() + ",");
        String policePage = new DossierRatingIntegrationTests.Page(port).login(policeUser).get("/work-queue").body();
        assertThat(policePage).contains("/dossiers/" + d.get("id").asLong() + "\"");
        JsonNode claimed = ok(act(police, wardApproved, "claim", Map.of()));
        JsonNode policeForwarded = ok(act(police, claimed, "forward", Map.of()));
        JsonNode approved = ok(act(police, policeForwarded, "approve", Map.of()));
        assertThat(approved.get("state").asString()).isEqualTo("approved");
        assertThat(act(police, approved, "issue_result", Map.of()).status()).as("the ward issues the result")
                .isEqualTo(403);
        JsonNode issued = ok(act(ward, approved, "issue_result", Map.of()));
        assertThat(ok(act(ward, issued, "return_result", Map.of())).get("state").asString()).isEqualTo("returned");
        assertThat(police.get("/api/v1/dossiers/" + d.get("id").asLong() + "/steps").json().get(4).get("assigneeName")
                .asString()).startsWith("Cán bộ");
    }
}
