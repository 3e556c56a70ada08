package vn.citygov.directory.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.citygov.directory.AdminUnit;
import vn.citygov.directory.AdminUnitService;
import vn.citygov.directory.Agency;
import vn.citygov.directory.AgencyService;
import vn.citygov.directory.HandlingPoint;
import vn.citygov.directory.HandlingPointService;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.error.CityGovException;

/** The public directory pages: search, and one page per agency, unit and handling point. */
@Controller
class DirectoryPageController {

    static final int PAGE_SIZE = 20;
    private static final List<String> TABS = List.of("agencies", "units", "points");

    private final AdminUnitService units;
    private final AgencyService agencies;
    private final HandlingPointService points;

    DirectoryPageController(AdminUnitService units, AgencyService agencies, HandlingPointService points) {
        this.units = units;
        this.agencies = agencies;
        this.points = points;
    }

    @GetMapping("/directory")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String tab,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String type,
            @RequestParam(defaultValue = "0") int page, Model model) {
        String chosen = tab != null && TABS.contains(tab) ? tab : "agencies";
        String query = q == null ? "" : q.strip();
        PageQuery pageQuery = new PageQuery(Math.max(page, 0), PAGE_SIZE);
        String kindFilter = kind != null && Agency.KINDS.contains(kind) ? kind : null;
        String typeFilter = type != null && AdminUnit.TYPES.contains(type) ? type : null;
        model.addAttribute("q", query);
        model.addAttribute("tab", chosen);
        model.addAttribute("kind", kindFilter);
        model.addAttribute("type", typeFilter);
        model.addAttribute("kinds", Agency.KINDS);
        model.addAttribute("types", AdminUnit.TYPES);
        model.addAttribute("results", switch (chosen) {
            case "units" -> units.search(query, typeFilter, pageQuery);
            case "points" -> points.search(query, null, null, pageQuery);
            default -> agencies.search(query, kindFilter, null, null, pageQuery);
        });
        return "directory/index";
    }

    @GetMapping("/directory/agencies/{code}")
    String agency(@PathVariable String code, Model model) {
        Agency agency = agencies.get(code);
        model.addAttribute("agency", agency);
        model.addAttribute("parent", agency.parentCode() == null ? null : agencies.get(agency.parentCode()));
        model.addAttribute("mergedInto", agency.mergedInto() == null ? null : agencies.get(agency.mergedInto()));
        model.addAttribute("unit", agency.adminUnitCode() == null ? null : units.get(agency.adminUnitCode()));
        model.addAttribute("children", agencies.children(code));
        model.addAttribute("points", points.ofAgency(code));
        model.addAttribute("history", agencies.history(code));
        model.addAttribute("canEdit", agency.active() && agencies.canEdit(code));
        model.addAttribute("canMerge", agency.active() && agencies.canCreate());
        return "directory/agency";
    }

    @GetMapping("/directory/units/{code}")
    String unit(@PathVariable String code, Model model) {
        model.addAttribute("unit", units.get(code));
        model.addAttribute("agencies", agencies.ofAdminUnit(code));
        model.addAttribute("points", points.search(null, null, code, new PageQuery(0, PageQuery.MAX_SIZE)).items());
        return "directory/unit";
    }

    @GetMapping("/directory/handling-points/{code}")
    String handlingPoint(@PathVariable String code, Model model) {
        HandlingPoint point = points.get(code);
        model.addAttribute("point", point);
        model.addAttribute("agency", agencies.get(point.agencyCode()));
        model.addAttribute("unit", point.adminUnitCode() == null ? null : units.get(point.adminUnitCode()));
        model.addAttribute("history", points.history(code));
        model.addAttribute("canEdit", points.canEdit(point.agencyCode()));
        return "directory/handling-point";
    }

    /** Unknown codes and refused actions get the platform's friendly error page with the right status. */
    @ExceptionHandler(CityGovException.class)
    void failed(CityGovException ex, HttpServletResponse response) throws IOException {
        response.sendError(ex.status().value());
    }
}
