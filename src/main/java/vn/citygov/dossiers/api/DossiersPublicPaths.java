package vn.citygov.dossiers.api;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.citygov.platform.security.PublicPaths;

/** Only the status lookup is open: it shows no personal data. */
@Component
class DossiersPublicPaths implements PublicPaths {

    @Override
    public List<Rule> rules() {
        return List.of(Rule.get("/api/v1/dossiers/*/status"), Rule.get("/lookup"));
    }
}
