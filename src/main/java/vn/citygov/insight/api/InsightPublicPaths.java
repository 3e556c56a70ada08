package vn.citygov.insight.api;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.citygov.platform.security.PublicPaths;

/** Aggregates are public; the drill-down to dossiers, loading and recompute are not. */
@Component
class InsightPublicPaths implements PublicPaths {

    @Override
    public List<Rule> rules() {
        return List.of(Rule.get("/api/v1/index/scores"), Rule.get("/api/v1/index/ranking"),
                Rule.get("/api/v1/index/agencies/*"), Rule.get("/api/v1/index/agencies/*/targets"),
                Rule.get("/api/v1/index/targets"),
                Rule.get("/api/v1/index/definitions"), Rule.get("/api/v1/index/definitions/*"),
                Rule.get("/api/v1/index/dashboard"), Rule.get("/api/v1/index/alerts"), Rule.get("/service-index"), Rule.get("/service-index/**"));
    }
}
