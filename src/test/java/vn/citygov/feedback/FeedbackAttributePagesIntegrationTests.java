package vn.citygov.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.IntegrationTest;
import vn.citygov.support.PageSession;

/**
 * The report form asks the chosen category's extra fields (in Vietnamese by default, in English on request),
 * shows their errors beside them, accepts an address instead of a pin; coordinators edit the fields on the
 * category's page.
 */
@IntegrationTest
class FeedbackAttributePagesIntegrationTests {

    @LocalServerPort
    int port;

    PageSession newSession() {
        return new PageSession(port);
    }

    List<String[]> form(PageSession s, String category) throws IOException, InterruptedException {
        List<String[]> form = new ArrayList<>();
        form.add(new String[] {"_csrf", s.csrf("/feedback/new")});
        form.add(new String[] {"categoryCode", category});
        form.add(new String[] {"title", "Cây nghiêng sát nhà dân"});
        form.add(new String[] {"description", "Cây dầu lớn nghiêng sau cơn mưa chiều qua"});
        return form;
    }

    static List<String[]> with(List<String[]> form, String name, String value) {
        List<String[]> out = new ArrayList<>(form);
        out.add(new String[] {name, value});
        return out;
    }

    @Test
    void theFormAsksTheCategorysFieldsInEitherLanguage() throws Exception {
        PageSession s = newSession();
        String vi = s.get("/feedback/new/attributes?categoryCode=chieu-sang").body();
        assertThat(vi).contains("id=\"attribute-fields\"", "name=\"attribute[pole-number]\"", "name=\"attribute[fault]\"",
                "Số hiệu cột đèn (ghi trên thân cột)", "Ví dụ: SG-0123", "Đèn không sáng", "(không bắt buộc)")
                .doesNotContain("??");
        String en = s.get("/feedback/new/attributes?categoryCode=chieu-sang&lang=en").body();
        assertThat(en).contains("Pole number (written on the pole)", "Light is off", "(optional)");
        assertThat(s.get("/feedback/new/attributes?categoryCode=giao-thong").body()).doesNotContain("attribute[");
        assertThat(s.get("/feedback/new/attributes?categoryCode=%3Cscript%3E").statusCode()).isEqualTo(200);
        // Without JavaScript the page can be opened for a category and shows its fields.
        assertThat(s.get("/feedback/new?categoryCode=cay-xanh").body()).contains("name=\"attribute[tree-state]\"",
                "hx-get=\"/feedback/new/attributes\"");
    }

    @Test
    void theFormChecksTheFieldsAndTakesAnAddressInsteadOfAPin() throws Exception {
        PageSession s = newSession();
        List<String[]> form = with(form(s, "cay-xanh"), "address", "Trước số 5 Nguyễn Du, phuong Sai Gon");
        HttpResponse<String> wrong = s.post("/feedback/new", with(form, "attribute[tree-state]", "burning"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"error-summary\"", "href=\"#attr-tree-state\"",
                "Tình trạng cây: chọn giá trị trong danh sách.", "id=\"attr-tree-state-error\"");
        // What was typed stays in the form.
        HttpResponse<String> again = s.post("/feedback/new", with(with(form(s, "chieu-sang"), "address", "Phường Sài Gòn"),
                "attribute[pole-number]", "SG-0999\nthêm"));
        assertThat(again.body()).contains("value=\"SG-0999", "href=\"#attr-pole-number\"");

        form = with(form(s, "cay-xanh"), "address", "Trước số 5 Nguyễn Du, phuong Sai Gon");
        HttpResponse<String> sent = s.post("/feedback/new", with(form, "attribute[tree-state]", "leaning"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String location = sent.headers().firstValue("Location").orElseThrow();
        String code = location.replaceAll(".*/feedback/(PA-[A-Z0-9-]+).*", "$1");
        JsonNode report = new ApiClient(port).as("admin").get("/api/v1/feedback/reports/" + code).json();
        assertThat(report.get("adminUnitCode").asString()).isEqualTo("26740");
        assertThat(report.get("address").asString()).isEqualTo("Trước số 5 Nguyễn Du, phuong Sai Gon");
        assertThat(report.get("attributes").get(0).get("text").asString()).isEqualTo("Cây nghiêng, có nguy cơ ngã");
        String officials = newSession().login("admin").get("/feedback/work/" + code).body();
        assertThat(officials).contains("id=\"report-attributes\"", "Tình trạng cây", "Cây nghiêng, có nguy cơ ngã");

        HttpResponse<String> nowhere = s.post("/feedback/new", with(form(s, "cay-xanh"), "address", "Somewhere else"));
        assertThat(nowhere.statusCode()).isEqualTo(200);
        assertThat(nowhere.body()).contains("href=\"#address\"", "Không tìm thấy địa chỉ này trong Thành phố");
        HttpResponse<String> nothing = s.post("/feedback/new", form(s, "cay-xanh"));
        assertThat(nothing.body()).contains("href=\"#lat\"", "Chọn vị trí trên bản đồ (vĩ độ, kinh độ) hoặc nhập địa chỉ.");
    }

    @Test
    void coordinatorsEditTheFieldsOnTheCategoryPage() throws Exception {
        ApiClient admin = new ApiClient(port).as("admin");
        String code = "den-" + System.nanoTime() % 1_000_000;
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("code", code);
        body.put("nameVi", "Biển báo hư hỏng");
        body.put("nameEn", "Damaged road sign");
        body.put("deadlineDays", 5);
        assertThat(admin.post("/api/v1/feedback/settings/categories", body).status()).isEqualTo(201);

        PageSession s = newSession().login("admin");
        String path = "/feedback/settings/categories/" + code;
        String page = s.get(path).body();
        assertThat(page).contains("id=\"edit-attributes\"", "name=\"a0-code\"").doesNotContain("??");
        List<String[]> form = new ArrayList<>();
        form.add(new String[] {"_csrf", s.csrf(path)});
        form.add(new String[] {"version", "0"});
        form.add(new String[] {"a0-code", "sign"});
        form.add(new String[] {"a0-datatype", "singlevaluelist"});
        form.add(new String[] {"a0-required", "true"});
        form.add(new String[] {"a0-descriptionVi", "Loại biển báo"});
        form.add(new String[] {"a0-descriptionEn", "Kind of sign"});
        form.add(new String[] {"a0-values", "stop | Biển dừng | Stop sign\nlimit | Biển hạn chế tốc độ | Speed limit"});
        assertThat(s.post(path + "/attributes", form).statusCode()).isEqualTo(302);
        assertThat(s.get(path).body()).contains("id=\"settings-saved\"", "stop | Biển dừng | Stop sign", "name=\"a1-code\"");
        JsonNode def = new ApiClient(port).get("/open311/v2/services/" + code + ".json").json();
        assertThat(def.get("attributes").get(0).get("required").asBoolean()).isTrue();
        assertThat(def.get("attributes").get(0).get("values").get(1).get("name").asString()).isEqualTo("Biển hạn chế tốc độ");

        // Changing the category's name on the page keeps its fields.
        List<String[]> rename = new ArrayList<>();
        rename.add(new String[] {"_csrf", s.csrf(path)});
        rename.add(new String[] {"version", "1"});
        rename.add(new String[] {"nameVi", "Biển báo giao thông hư hỏng"});
        rename.add(new String[] {"nameEn", "Damaged road sign"});
        rename.add(new String[] {"deadlineDays", "5"});
        rename.add(new String[] {"isPublic", "true"});
        rename.add(new String[] {"active", "true"});
        assertThat(s.post(path, rename).statusCode()).isEqualTo(302);
        assertThat(admin.get("/api/v1/feedback/settings/categories/" + code).json().get("attributes").size()).isEqualTo(1);

        // A bad field comes back as a message; removing the field empties the list.
        List<String[]> bad = new ArrayList<>(form);
        bad.set(0, new String[] {"_csrf", s.csrf(path)});
        bad.set(1, new String[] {"version", "2"});
        bad.set(7, new String[] {"a0-values", ""});
        assertThat(s.post(path + "/attributes", bad).statusCode()).isEqualTo(302);
        assertThat(s.get(path).body()).contains("id=\"settings-error\"");
        List<String[]> remove = new ArrayList<>(form);
        remove.set(0, new String[] {"_csrf", s.csrf(path)});
        remove.set(1, new String[] {"version", "2"});
        remove.add(new String[] {"a0-remove", "true"});
        assertThat(s.post(path + "/attributes", remove).statusCode()).isEqualTo(302);
        assertThat(admin.get("/api/v1/feedback/settings/categories/" + code).json().get("attributes").size()).isZero();
    }
}
