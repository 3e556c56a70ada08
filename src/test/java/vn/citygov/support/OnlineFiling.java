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
