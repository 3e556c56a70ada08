package vn.citygov.feedback.api;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import vn.citygov.platform.security.PublicPaths;

/**
 * Reporting, following, rating with the report's token, the public map, pages and statistics are open to
 * everyone; nothing open shows personal data. Open311 has its own chain (see Open311Security).
 */
@Component
class FeedbackPublicPaths implements PublicPaths {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.get("/api/v1/feedback/categories"),
                new Rule(HttpMethod.POST, "/api/v1/feedback/reports"),
                new Rule(HttpMethod.POST, "/api/v1/feedback/reports/*/rating"),
                new Rule(HttpMethod.POST, "/api/v1/feedback/reports/*/followers"),
                new Rule(HttpMethod.POST, "/api/v1/feedback/reports/*/photos"),
                Rule.get("/api/v1/feedback/reports/*/photos/*"),
                Rule.get("/api/v1/feedback/public"),
                Rule.get("/api/v1/feedback/public/*"),
                Rule.get("/api/v1/feedback/map"),
                Rule.get("/api/v1/feedback/similar"),
                Rule.get("/api/v1/feedback/statistics"),
                Rule.get("/feedback"),
                Rule.get("/feedback/similar"),
                Rule.get("/feedback/new"),
                Rule.get("/feedback/new/attributes"),
                new Rule(HttpMethod.POST, "/feedback/new"),
                Rule.get("/feedback/statistics"),
                Rule.get("/feedback/PA-*"),
                new Rule(HttpMethod.POST, "/feedback/PA-*/rate"),
                new Rule(HttpMethod.POST, "/feedback/PA-*/follow"));
    }
}
