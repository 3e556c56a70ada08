package vn.citygov.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;
import vn.citygov.support.OnlineFiling;

/** The public lookup page needs no login and shows no personal data; the other dossier pages need a login. */
@IntegrationTest
class DossierPagesIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void theLookupPageShowsTheStateInBothLanguagesWithoutPersonalData() {
        ApiClient desk = api.as("canbo");
        Response submitted = OnlineFiling.post(api.as("congdan"), OnlineFiling.birth("26740"));
        JsonNode d = submitted.json();
        d = DossiersIntegrationTests.ok(DossiersIntegrationTests.act(desk, d, "accept", Map.of()));
        String code = d.get("code").asString();

        Response vi = api.get("/lookup?code=" + code);
        assertThat(vi.status()).isEqualTo(200);
        assertThat(vi.body()).contains("Đã tiếp nhận", code, "Đăng ký khai sinh").doesNotContain("Nguyễn Văn An",
                "079090001234", "Trần Thị Cúc");
        assertThat(api.get("/lookup?code=" + code + "&lang=en").body()).contains("Accepted", "Birth registration");
        assertThat(api.get("/lookup?code=H29-000000-000000-AAAAA").body()).contains("lookup-not-found");
        assertThat(api.get("/lookup").status()).isEqualTo(200);
    }

    @Test
    void otherDossierPagesNeedALogin() {
        for (String path : new String[] {"/dossiers", "/work-queue", "/dossiers/new", "/dossiers/1", "/my-work",
                "/ledger", "/ledger.csv", "/dossiers/1/control-slip", "/dossiers/1/handling"}) {
            assertThat(api.get(path).status()).as(path).isIn(302, 401);
        }
    }
}
