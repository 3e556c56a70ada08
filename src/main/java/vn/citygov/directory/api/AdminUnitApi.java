package vn.citygov.directory.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.citygov.directory.AdminUnit;
import vn.citygov.directory.AdminUnitService;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;

/** Wards, communes and the special zone of Ho Chi Minh City. */
@RestController
@RequestMapping("/api/v1/admin-units")
@Tag(name = "Directory: administrative units", description = "The 168 wards (phường), communes (xã) and the special zone (đặc khu) of the city since 1 July 2025")
class AdminUnitApi {

    private final AdminUnitService units;

    AdminUnitApi(AdminUnitService units) {
        this.units = units;
    }

    @GetMapping
    @Operation(summary = "Search administrative units",
            description = "Accent- and case-insensitive search by name, short name, English name or code; ordered by relevance, then Vietnamese name.")
    @ApiResponse(responseCode = "200", description = "A page of units")
    @ApiResponse(responseCode = "400", description = "Invalid type, page or size",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    PageResult<AdminUnit> search(
            @Parameter(description = "Search text, e.g. \"phuong sai gon\"") @RequestParam(required = false) String q,
            @Parameter(description = "phuong, xa or dac_khu") @RequestParam(required = false) String type,
            @Parameter(description = "Page number from 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size, 1 to 100 (larger values are capped)") @RequestParam(required = false) Integer size) {
        return units.search(q, type, PageQuery.of(page, size));
    }

    @GetMapping("/{code}")
    @Operation(summary = "One administrative unit by its 5-digit national code")
    @ApiResponse(responseCode = "200", description = "The unit")
    @ApiResponse(responseCode = "404", description = "No unit with this code",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    AdminUnit get(@PathVariable String code) {
        return units.get(code);
    }
}
