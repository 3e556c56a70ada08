package vn.citygov.procedures.api;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.citygov.platform.security.PublicPaths;

/** The catalogue is public to read; the export is not, so the open pattern leaves it out. */
@Component
class ProceduresPublicPaths implements PublicPaths {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.get("/api/v1/procedures"), Rule.get("/api/v1/procedures/{code:(?!export$).+}"),
                Rule.get("/api/v1/procedure-fields"), Rule.get("/api/v1/workflows"), Rule.get("/api/v1/workflows/*"),
                Rule.get("/procedures"), Rule.get("/procedures/*"));
    }
}
