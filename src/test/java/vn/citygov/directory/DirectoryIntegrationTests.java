package vn.citygov.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.citygov.audit.AuditFilter;
import vn.citygov.audit.AuditService;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.security.CityGovAuthentication;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CityGovUser.Grant;
import vn.citygov.platform.security.CityGovUser.UserKind;
import vn.citygov.support.IntegrationTest;

/** The directory over HTTP on a real PostgreSQL: reference data, search, paging, errors and who may edit what. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryIntegrationTests {

    // The demo accounts: a city administrator and the administrators of two neighbouring wards.
    private static final String PASSWORD = "citygov-demo";
    private static final String SAI_GON = "ubnd-26740";
    private static final String BEN_THANH = "ubnd-26743";

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    AgencyService agencies;

    @Autowired
    DirectoryDemoData demo;

    @Autowired
    AuditService auditTrail;

    RestClient http;

    @BeforeAll
    void setUp() {
        // Paths are given already encoded, so the client must not encode them again.
        http = RestClient.builder()
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    @AfterEach
    void clearSecurity() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void all168AdminUnitsAreLoaded() {
        JsonNode page = getJson("/api/v1/admin-units?size=100");
        assertThat(page.get("total").asLong()).isEqualTo(168);
        assertThat(getJson("/api/v1/admin-units?type=phuong").get("total").asLong()).isEqualTo(113);
        assertThat(getJson("/api/v1/admin-units?type=xa").get("total").asLong()).isEqualTo(54);
        assertThat(getJson("/api/v1/admin-units?type=dac_khu").get("total").asLong()).isEqualTo(1);
        JsonNode saiGon = getJson("/api/v1/admin-units/26740");
        assertThat(saiGon.get("name").asString()).isEqualTo("Phường Sài Gòn");
        assertThat(saiGon.get("bbox")).hasSize(4);
    }

    @Test
    void everyUnitHasItsPeoplesCommittee() {
        JsonNode committees = getJson("/api/v1/agencies?kind=ward_committee&size=1");
        assertThat(committees.get("total").asLong()).isEqualTo(168);
        JsonNode saiGon = getJson("/api/v1/agencies/" + SAI_GON);
        assertThat(saiGon.get("name").asString()).isEqualTo("Ủy ban nhân dân Phường Sài Gòn");
        assertThat(saiGon.get("parentCode").asString()).isEqualTo("ubnd-tphcm");
        assertThat(saiGon.get("adminUnitCode").asString()).isEqualTo("26740");
        // Without a query the city's own bodies come first, the wards after them.
        assertThat(getJson("/api/v1/agencies?size=1").get("items").get(0).get("code").asString()).isEqualTo("ubnd-tphcm");
        JsonNode city = getJson("/api/v1/agencies/ubnd-tphcm");
        assertThat(city.get("childCodes").valueStream().map(JsonNode::asString)).contains(SAI_GON, "so-y-te");
    }

    @Test
    void searchIgnoresAccentsAndCase() {
        JsonNode units = getJson("/api/v1/admin-units?q=phuong%20sai%20gon");
        assertThat(units.get("items").get(0).get("name").asString()).isEqualTo("Phường Sài Gòn");
        assertThat(units.get("total").asLong()).isEqualTo(1);
        // Words in any order; a misspelling still finds the unit through similarity.
        assertThat(getJson("/api/v1/admin-units?q=sai%20gon%20phuong").get("items").get(0).get("code").asString())
                .isEqualTo("26740");
        assertThat(getJson("/api/v1/admin-units?q=phuong%20sai%20gonn").get("items").get(0).get("code").asString())
                .isEqualTo("26740");
        JsonNode upper = getJson("/api/v1/admin-units?q=PHUONG%20SAI%20GON");
        assertThat(upper.get("items").get(0).get("code").asString()).isEqualTo("26740");
        assertThat(getJson("/api/v1/agencies?q=ubnd%20phuong%20sai%20gon").get("items").get(0).get("code").asString())
                .isEqualTo(SAI_GON);
        JsonNode agencies = getJson("/api/v1/agencies?q=so%20y%20te");
        assertThat(agencies.get("items").get(0).get("name").asString()).isEqualTo("Sở Y tế");
        JsonNode accented = getJson("/api/v1/agencies?q=S%E1%BB%9F%20Y%20t%E1%BA%BF");
        assertThat(accented.get("items").get(0).get("code").asString()).isEqualTo("so-y-te");
    }

    @Test
    void pagesHaveTheSharedShapeAndACappedSize() {
        JsonNode page = getJson("/api/v1/admin-units?page=1&size=10");
        assertThat(page.propertyNames()).containsExactlyInAnyOrder("items", "total", "page", "size");
        assertThat(page.get("items")).hasSize(10);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        JsonNode capped = getJson("/api/v1/admin-units?size=1000");
        assertThat(capped.get("size").asInt()).isEqualTo(100);
        assertThat(capped.get("items")).hasSize(100);
        ResponseEntity<String> negative = get("/api/v1/admin-units?page=-1");
        assertThat(negative.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void unknownCodesAreProblemJson404s() {
        for (String path : List.of("/api/v1/admin-units/99999", "/api/v1/agencies/no-such-agency",
                "/api/v1/handling-points/no-such-point", "/api/v1/agencies/no-such-agency/history",
                "/api/v1/agencies/%F0%9F%98%80", "/api/v1/admin-units/abc")) {
            ResponseEntity<String> response = get(path);
            assertThat(response.getStatusCode().value()).as(path).isEqualTo(404);
            assertThat(response.getHeaders().getContentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(json.readTree(response.getBody()).get("status").asInt()).isEqualTo(404);
        }
    }

    @Test
    void malformedFiltersAre400sAndJunkInQueriesIsHarmless() {
        for (String path : List.of("/api/v1/handling-points?agency=%00x", "/api/v1/agencies?parent=NOT%20A%20CODE",
                "/api/v1/agencies?adminUnit=12", "/api/v1/agencies?kind=ministry", "/api/v1/admin-units?type=city")) {
            ResponseEntity<String> response = get(path);
            assertThat(response.getStatusCode().value()).as(path).isEqualTo(400);
            assertThat(response.getHeaders().getContentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(getJson("/api/v1/agencies?q=%00%25_%5C").get("total").asLong()).isZero();
        assertThat(getJson("/api/v1/agencies?parent=ubnd-tphcm&kind=department").get("total").asLong()).isEqualTo(16);
        assertThat(getJson("/api/v1/agencies?adminUnit=26740").get("items").get(0).get("code").asString()).isEqualTo(SAI_GON);
        assertThat(getJson("/api/v1/handling-points?adminUnit=26740").get("total").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theWardsOwnAdministratorEditsItAndHistoryIsKept() {
        String token = token("quantri.saigon");
        JsonNode before = getJson("/api/v1/agencies/" + SAI_GON);
        Map<String, Object> body = changes(before, "86 Lê Thánh Tôn, Phường Sài Gòn", before.get("version").asInt());
        ResponseEntity<String> response = put("/api/v1/agencies/" + SAI_GON, body, token);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode after = json.readTree(response.getBody());
        assertThat(after.get("address").asString()).isEqualTo("86 Lê Thánh Tôn, Phường Sài Gòn");
        assertThat(after.get("version").asInt()).isEqualTo(before.get("version").asInt() + 1);

        JsonNode history = getJson("/api/v1/agencies/" + SAI_GON + "/history");
        JsonNode latest = history.get(0);
        assertThat(latest.get("action").asString()).isEqualTo("updated");
        assertThat(latest.get("changedBy").asString()).isEqualTo("quantri.saigon");
        assertThat(latest.get("newValues").get("address").asString()).isEqualTo("86 Lê Thánh Tôn, Phường Sài Gòn");
        assertThat(latest.get("oldValues").get("address").isNull()).isTrue();

        // The same change is in the city's audit trail, under the ward's agency.
        SecurityContextHolder.getContext().setAuthentication(new CityGovAuthentication(new CityGovUser(998, "auditor",
                "Auditor", UserKind.CITY_ADMIN, Set.of(new Grant("audit.read", null)))));
        var audit = auditTrail.search(new AuditFilter(null, "agency", SAI_GON, "updated", null, null, null), null, 10);
        assertThat(audit.items()).isNotEmpty();
        assertThat(audit.items().getFirst().actor()).isEqualTo("quantri.saigon");
        assertThat(audit.items().getFirst().agencyCode()).isEqualTo(SAI_GON);
    }

    @Test
    void anotherWardsAdministratorIsForbidden() {
        String token = token("quantri.benthanh");
        JsonNode before = getJson("/api/v1/agencies/" + SAI_GON);
        ResponseEntity<String> response = put("/api/v1/agencies/" + SAI_GON,
                changes(before, "Somewhere else", before.get("version").asInt()), token);
        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(getJson("/api/v1/agencies/" + SAI_GON).get("version").asInt()).isEqualTo(before.get("version").asInt());

        // The same rule holds for handling points of the other ward.
        ResponseEntity<String> point = post("/api/v1/handling-points", Map.of("code", "ben-thanh-tries-sai-gon",
                "agencyCode", SAI_GON, "name", "Bộ phận không được phép"), token);
        assertThat(point.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void writesNeedALogin() {
        ResponseEntity<String> response = post("/api/v1/agencies", Map.of("code", "anon-agency", "name", "X",
                "kind", "other"), null);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aStaleVersionIsAConflict() {
        String token = token("admin");
        JsonNode before = getJson("/api/v1/agencies/so-du-lich");
        int version = before.get("version").asInt();
        assertThat(put("/api/v1/agencies/so-du-lich", changes(before, "1 Đường A", version), token)
                .getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> stale = put("/api/v1/agencies/so-du-lich", changes(before, "2 Đường B", version), token);
        assertThat(stale.getStatusCode().value()).isEqualTo(409);
        assertThat(stale.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(getJson("/api/v1/agencies/so-du-lich").get("address").asString()).isEqualTo("1 Đường A");
    }

    @Test
    void anInvalidBodyIsA400WithFieldErrors() {
        String token = token("admin");
        ResponseEntity<String> response = post("/api/v1/agencies", Map.of("code", "Not A Code!", "name", "",
                "kind", "ministry", "email", "not-an-email"), token);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode errors = json.readTree(response.getBody()).get("errors");
        assertThat(errors.valueStream().map(e -> e.get("field").asString()))
                .contains("code", "name", "kind", "email");
    }

    @Test
    void cityAdministratorsCreateRenameAndMergeAgencies() {
        String token = token("admin");
        ResponseEntity<String> created = post("/api/v1/agencies", Map.of("code", "ban-thu-nghiem",
                "name", "Ban Thử nghiệm", "kind", "other", "parentCode", "ubnd-tphcm"), token);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(post("/api/v1/agencies", Map.of("code", "ban-thu-nghiem", "name", "Again", "kind", "other"), token)
                .getStatusCode().value()).isEqualTo(409);
        assertThat(getJson("/api/v1/agencies?q=ban%20thu%20nghiem").get("items").get(0).get("code").asString())
                .isEqualTo("ban-thu-nghiem");

        ResponseEntity<String> point = post("/api/v1/handling-points", Map.of("code", "ban-thu-nghiem-mot-cua",
                "agencyCode", "ban-thu-nghiem", "name", "Bộ phận Một cửa Ban Thử nghiệm", "workKinds", List.of("dossier")),
                token);
        assertThat(point.getStatusCode().value()).isEqualTo(201);

        JsonNode agency = getJson("/api/v1/agencies/ban-thu-nghiem");
        Map<String, Object> rename = changes(agency, null, agency.get("version").asInt());
        rename.put("name", "Ban Thử nghiệm mới");
        assertThat(put("/api/v1/agencies/ban-thu-nghiem", rename, token).getStatusCode().value()).isEqualTo(200);
        assertThat(getJson("/api/v1/agencies/ban-thu-nghiem/history").get(0).get("action").asString()).isEqualTo("renamed");

        ResponseEntity<String> merged = post("/api/v1/agencies/ban-thu-nghiem/merge", Map.of("into", "van-phong-ubnd"), token);
        assertThat(merged.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(merged.getBody()).get("status").asString()).isEqualTo("merged");
        assertThat(getJson("/api/v1/handling-points/ban-thu-nghiem-mot-cua").get("agencyCode").asString())
                .isEqualTo("van-phong-ubnd");
        assertThat(getJson("/api/v1/agencies/ban-thu-nghiem/history").get(0).get("action").asString()).isEqualTo("merged");

        // An agency administrator may not create agencies.
        assertThat(post("/api/v1/agencies", Map.of("code", "ward-made", "name", "X", "kind", "other"),
                token("quantri.saigon")).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void theServiceChecksTheAgencyScopeItself() {
        Agency saiGon = agencies.get(SAI_GON);
        SecurityContextHolder.getContext().setAuthentication(new CityGovAuthentication(new CityGovUser(999, "other-ward",
                "Other ward", UserKind.AGENCY_ADMIN, Set.of(new Grant("directory.edit", BEN_THANH)))));
        AgencyChanges changes = new AgencyChanges(saiGon.name(), saiGon.nameEn(), saiGon.kind(), saiGon.parentCode(),
                saiGon.adminUnitCode(), "x", null, null, null, saiGon.version());
        assertThatThrownBy(() -> agencies.update(SAI_GON, changes)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void demoDataGivesEveryWardAOneStopDeskAndCanRunTwice() {
        // The shared test application runs in demo mode, so the desks exist already and a second run adds nothing.
        assertThat(demo.load("small")).isZero();
        assertThat(demo.wardCommittees()).hasSize(168).contains(SAI_GON);
        JsonNode desk = getJson("/api/v1/handling-points/mot-cua-26740");
        assertThat(desk.get("agencyCode").asString()).isEqualTo(SAI_GON);
        assertThat(getJson("/api/v1/handling-points?q=mot%20cua%20sai%20gon").get("items").get(0).get("code").asString())
                .isEqualTo("mot-cua-26740");
    }

    @Test
    void pagesRenderWithoutLogin() {
        for (String path : List.of("/directory", "/directory?tab=units&q=sai+gon", "/directory?tab=points",
                "/directory/agencies/so-y-te", "/directory/units/26740", "/directory/agencies/" + SAI_GON)) {
            ResponseEntity<String> page = get(path);
            assertThat(page.getStatusCode().value()).as(path).isEqualTo(200);
            assertThat(page.getBody()).as(path).doesNotContain("??directory");
        }
        assertThat(get("/directory?q=so+y+te").getBody()).contains("Sở Y tế");
        assertThat(get("/directory/agencies/no-such-agency").getStatusCode().value()).isEqualTo(404);
    }

    private Map<String, Object> changes(JsonNode agency, String address, int version) {
        Map<String, Object> body = new java.util.HashMap<>();
        for (String field : List.of("name", "nameEn", "kind", "parentCode", "adminUnitCode", "phone", "email", "website")) {
            JsonNode value = agency.get(field);
            body.put(field, value == null || value.isNull() ? null : value.asString());
        }
        body.put("address", address);
        body.put("version", version);
        return body;
    }

    private String token(String username) {
        ResponseEntity<String> response = post("/api/v1/auth/token", Map.of("username", username, "password", PASSWORD), null);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody()).get("access_token").asString();
    }

    private JsonNode getJson(String path) {
        ResponseEntity<String> response = get(path);
        assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private ResponseEntity<String> get(String path) {
        return http.get().uri(url(path)).retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> post(String path, Object body, String token) {
        return http.post().uri(url(path)).contentType(MediaType.APPLICATION_JSON)
                .headers(h -> bearer(h, token)).body(json.writeValueAsString(body)).retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> put(String path, Object body, String token) {
        return http.put().uri(url(path)).contentType(MediaType.APPLICATION_JSON)
                .headers(h -> bearer(h, token)).body(json.writeValueAsString(body)).retrieve().toEntity(String.class);
    }

    private java.net.URI url(String path) {
        return java.net.URI.create("http://localhost:" + port + path);
    }

    private static void bearer(HttpHeaders headers, String token) {
        if (token != null) {
            headers.setBearerAuth(token);
        }
    }
}
