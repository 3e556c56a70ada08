package vn.citygov.procedures.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.citygov.directory.AgencyService;
import vn.citygov.directory.AgencySummary;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.error.CityGovException;
import vn.citygov.procedures.Procedure;
import vn.citygov.procedures.ProcedureField;
import vn.citygov.procedures.ProcedureService;

/** The public catalogue pages: search with filters, and one plain-language page per procedure. */
@Controller
class ProcedurePageController {

    static final int PAGE_SIZE = 20;

    private final ProcedureService procedures;
    private final AgencyService agencies;

    ProcedurePageController(ProcedureService procedures, AgencyService agencies) {
        this.procedures = procedures;
        this.agencies = agencies;
    }

    @GetMapping("/procedures")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String field,
            @RequestParam(required = false) String agency, @RequestParam(required = false) String level,
            @RequestParam(required = false) String onlineLevel, @RequestParam(defaultValue = "0") int page, Model model) {
        String query = q == null ? "" : q.strip();
        List<ProcedureField> fields = procedures.fields();
        Map<String, AgencySummary> agencyNames = agencyNames();
        // Unknown filter values from a hand-edited address are dropped rather than refused.
        String fieldFilter = fields.stream().anyMatch(f -> f.code().equals(field)) ? field : null;
        String agencyFilter = agency != null && agencyNames.containsKey(agency) ? agency : null;
        String levelFilter = level != null && Procedure.LEVELS.contains(level) ? level : null;
        String onlineFilter = onlineLevel != null && Procedure.ONLINE_LEVELS.contains(onlineLevel) ? onlineLevel : null;
        model.addAttribute("q", query);
        model.addAttribute("field", fieldFilter);
        model.addAttribute("agency", agencyFilter);
        model.addAttribute("level", levelFilter);
        model.addAttribute("onlineLevel", onlineFilter);
        model.addAttribute("fields", fields);
        model.addAttribute("fieldNames", byCode(fields));
        model.addAttribute("agencies", agencyNames);
        model.addAttribute("levels", Procedure.LEVELS);
        model.addAttribute("onlineLevels", Procedure.ONLINE_LEVELS);
        model.addAttribute("results", procedures.search(query, fieldFilter, agencyFilter, levelFilter, onlineFilter,
                new PageQuery(Math.max(page, 0), PAGE_SIZE)));
        return "procedures/index";
    }

    @GetMapping("/procedures/{code}")
    String procedure(@PathVariable String code, Model model) {
        Procedure procedure = procedures.get(code);
        model.addAttribute("p", procedure);
        model.addAttribute("field", byCode(procedures.fields()).get(procedure.fieldCode()));
        model.addAttribute("agency", procedure.agencyCode() != null && agencies.exists(procedure.agencyCode())
                ? agencies.get(procedure.agencyCode()) : null);
        return "procedures/procedure";
    }

    /** Unknown codes get the platform's friendly error page with the right status. */
    @ExceptionHandler(CityGovException.class)
    void failed(CityGovException ex, HttpServletResponse response) throws IOException {
        response.sendError(ex.status().value());
    }

    private Map<String, AgencySummary> agencyNames() {
        Map<String, AgencySummary> map = new LinkedHashMap<>();
        for (AgencySummary a : agencies.allActive()) {
            if ("department".equals(a.kind()) || "public_service_centre".equals(a.kind())) {
                map.put(a.code(), a);
            }
        }
        return map;
    }

    private static Map<String, ProcedureField> byCode(List<ProcedureField> fields) {
        Map<String, ProcedureField> map = new LinkedHashMap<>();
        fields.forEach(f -> map.put(f.code(), f));
        return map;
    }
}
