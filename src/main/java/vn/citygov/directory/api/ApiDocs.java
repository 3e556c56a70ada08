package vn.citygov.directory.api;

/** Shared OpenAPI wording for the directory endpoints. */
final class ApiDocs {

    static final String PROBLEM = "application/problem+json";

    private ApiDocs() {
    }
}
