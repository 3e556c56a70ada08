package vn.citygov.feedback.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.citygov.feedback.CategorySettings;
import vn.citygov.feedback.FeedbackSettingsService;
import vn.citygov.feedback.RoutingRule;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;

/** Report categories and routing rules as data, edited by coordinators; every change is audited. */
@RestController
@Tag(name = "Feedback settings", description = "Report categories and routing rules (category × admin unit → "
        + "handling point), for coordinators")
class FeedbackSettingsApi {

    private static final String PROBLEM = FeedbackApi.PROBLEM;
    private static final String BASE = "/api/v1/feedback/settings";

    private final FeedbackSettingsService settings;

    FeedbackSettingsApi(FeedbackSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping(BASE + "/categories")
    @Operation(summary = "Every category, inactive ones included", description = "Needs feedback.coordinate.")
    @ApiResponse(responseCode = "200", description = "The categories in display order")
    List<CategorySettings> categories() {
        return settings.categories();
    }

    @GetMapping(BASE + "/categories/{code}")
    @Operation(summary = "One category with its version", description = "Needs feedback.coordinate.")
    @ApiResponse(responseCode = "200", description = "The category")
    CategorySettings category(@PathVariable String code) {
        return settings.category(code);
    }

    @PostMapping(BASE + "/categories")
    @Operation(summary = "Add a category", description = "City-wide feedback.coordinate. Names in Vietnamese and "
            + "English, a deadline in working days or working hours (exactly one), whether its reports are public "
            + "(default true), active (default true), the place in lists, and the extra fields reports must or may "
            + "answer (attributes: code, datatype string|number|datetime|text|singlevaluelist|multivaluelist, "
            + "variable, required, order, descriptionVi/En, datatypeDescriptionVi/En, values with key and "
            + "nameVi/nameEn for lists). They are served as Open311 service definitions.")
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(responseCode = "409", description = "The code is taken",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<CategorySettings> createCategory(@RequestBody CategorySettings body) {
        CategorySettings saved = settings.createCategory(body);
        return ResponseEntity.created(URI.create(BASE + "/categories/" + saved.code())).body(saved);
    }

    @PutMapping(BASE + "/categories/{code}")
    @Operation(summary = "Change a category", description = "City-wide feedback.coordinate. The whole category with "
            + "the version read; the code cannot change. Deactivating hides it from new reports, old ones keep it. "
            + "Without attributes the category keeps its extra fields; an empty list removes them. Old reports keep "
            + "their answers.")
    @ApiResponse(responseCode = "200", description = "Changed")
    @ApiResponse(responseCode = "409", description = "Changed by someone else since it was read",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    CategorySettings updateCategory(@PathVariable String code, @RequestBody CategorySettings body) {
        return settings.updateCategory(code, body);
    }

    @GetMapping(BASE + "/routing-rules")
    @Operation(summary = "Routing rules", description = "Needs feedback.coordinate; without an agency filter, agency "
            + "coordinators see their agency's rules.")
    @ApiResponse(responseCode = "200", description = "A page of rules")
    PageResult<RoutingRule> rules(
            @Parameter(description = "Category code") @RequestParam(required = false) String category,
            @Parameter(description = "Admin unit code") @RequestParam(required = false) String unit,
            @Parameter(description = "Agency of the handling point") @RequestParam(required = false) String agency,
            @Parameter(description = "Page number from 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size, 1 to 100") @RequestParam(required = false) Integer size) {
        return settings.rules(category, unit, agency, PageQuery.of(page, size));
    }

    @GetMapping(BASE + "/routing-rules/{id}")
    @Operation(summary = "One routing rule", description = "Needs feedback.coordinate.")
    @ApiResponse(responseCode = "200", description = "The rule")
    RoutingRule rule(@PathVariable long id) {
        return settings.rule(id);
    }

    @PostMapping(BASE + "/routing-rules")
    @Operation(summary = "Add a routing rule", description = "feedback.coordinate in the agency of the handling point "
            + "(or city-wide). Without adminUnitCode the rule applies to every unit without its own rule.")
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(responseCode = "409", description = "The category and unit already have a rule",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<RoutingRule> createRule(@RequestBody RoutingRule body) {
        RoutingRule saved = settings.createRule(body);
        return ResponseEntity.created(URI.create(BASE + "/routing-rules/" + saved.id())).body(saved);
    }

    @PutMapping(BASE + "/routing-rules/{id}")
    @Operation(summary = "Send a rule's reports to another handling point", description = "feedback.coordinate in the "
            + "agencies of the old and the new handling point (or city-wide); handlingPointCode and the version read.")
    @ApiResponse(responseCode = "200", description = "Changed")
    @ApiResponse(responseCode = "409", description = "Changed by someone else since it was read",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    RoutingRule updateRule(@PathVariable long id, @RequestBody RoutingRule body) {
        return settings.updateRule(id, body);
    }

    @DeleteMapping(BASE + "/routing-rules/{id}")
    @Operation(summary = "Remove a routing rule", description = "feedback.coordinate in the agency of its handling "
            + "point (or city-wide). Reports of that category and unit then follow the rule without a unit, or stay "
            + "with the coordinators.")
    @ApiResponse(responseCode = "204", description = "Removed")
    ResponseEntity<Void> deleteRule(@PathVariable long id) {
        settings.deleteRule(id);
        return ResponseEntity.noContent().build();
    }
}
