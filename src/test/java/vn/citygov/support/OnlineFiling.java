package vn.citygov.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import vn.citygov.files.SampleFiles;
import vn.citygov.support.ApiClient.Response;

/**
 * Files a dossier online through POST /api/v1/dossiers the way an applicant must: each required upload document
 * of the procedure (an upload not marked "(nếu …)") is first uploaded as a sample PDF through the files API and
 * named in {@code documents}. Counter filings and bodies that already name their documents go as they are.
 */
public final class OnlineFiling {

    private OnlineFiling() {
    }

    /** E-form values of a valid birth registration (procedure 1.001193) in the Sài Gòn ward. */
    public static Map<String, Object> birthValues() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("applicantName", "Nguyễn Văn An");
        v.put("applicantIdNumber", "079090001234");
        v.put("applicantPhone", "0901234567");
        v.put("applicantAddress", Map.of("adminUnitCode", "26740", "street", "12 Lê Lợi"));
        v.put("relation", "parent");
        v.put("childName", "Nguyễn Văn Bình");
        v.put("childBirthDate", "2026-11-01");
        v.put("childSex", "male");
        v.put("birthPlace", Map.of("adminUnitCode", "26740", "street", "Bệnh viện Từ Dũ"));
        v.put("motherName", "Trần Thị Cúc");
        v.put("motherIdNumber", "079190005678");
        return v;
    }

    /** A birth registration filed online in {@code unit}, with electronic delivery. */
    public static Map<String, Object> birth(String unit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("procedureCode", "1.001193");
        body.put("values", birthValues());
        body.put("delivery", "electronic");
        body.put("adminUnitCode", unit);
        return body;
    }

    public static Response post(ApiClient as, Map<String, ?> body) {
        return as.post("/api/v1/dossiers", withDocuments(as, body));
    }

    /** The body with a freshly uploaded sample PDF for every required upload document of its procedure. */
    public static Map<String, Object> withDocuments(ApiClient as, Map<String, ?> body) {
        Map<String, Object> filled = new LinkedHashMap<>(body);
        if ("counter".equals(body.get("channel")) || body.containsKey("documents")
                || !(body.get("procedureCode") instanceof String code)) {
            return filled;
        }
        Response procedure = as.get("/api/v1/procedures/" + code);
        if (procedure.status() != 200) {
            return filled;
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        JsonNode required = procedure.json().get("documents");
        for (int i = 0; i < required.size(); i++) {
            JsonNode doc = required.get(i);
            if ("upload".equals(doc.get("kind").asString()) && !doc.get("name").asString().contains("(nếu")) {
                Response file = as.multipart("/api/v1/files", "file", "giay-to-" + i + ".pdf", "application/pdf",
                        SampleFiles.pdf());
                if (file.status() != 201) {
                    throw new IllegalStateException("upload failed: " + file.status() + " " + file.body());
                }
                documents.add(Map.of("index", i, "fileId", file.json().get("id").asString()));
            }
        }
        filled.put("documents", documents);
        return filled;
    }
}
