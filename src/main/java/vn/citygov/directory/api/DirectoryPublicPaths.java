package vn.citygov.directory.api;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.citygov.platform.security.PublicPaths;

/** The directory is public to read: the API's GET endpoints and the directory pages. Edit forms are not. */
@Component
class DirectoryPublicPaths implements PublicPaths {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.get("/api/v1/admin-units"), Rule.get("/api/v1/admin-units/**"),
                Rule.get("/api/v1/agencies"), Rule.get("/api/v1/agencies/**"),
                Rule.get("/api/v1/handling-points"), Rule.get("/api/v1/handling-points/**"),
                Rule.get("/directory"), Rule.get("/directory/agencies/*"), Rule.get("/directory/units/*"),
                Rule.get("/directory/handling-points/*"));
    }
}
