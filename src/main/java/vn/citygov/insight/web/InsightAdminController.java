package vn.citygov.insight.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.citygov.insight.internal.DefinitionStore;
import vn.citygov.insight.internal.RecomputeRuns;
import vn.citygov.insight.internal.IndexService;
import vn.citygov.insight.internal.Kpi;
import vn.citygov.platform.error.CityGovException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.security.CurrentUser;
import vn.citygov.platform.web.NavigationItem;

/**
 * The index's administration for city administrators ({@code insight.manage}): load a new version of the
 * indicator set (refused with the field and the reason when malformed), edit a year's KPI targets, and run a
 * full recompute of the counters from the fact log. The same as the API, for people.
 */
@Controller
class InsightAdminController {

    /** The largest definition accepted from the form (the shipped set is about 10 kB). */
    static final int MAX_DEFINITION_BYTES = 512 * 1024;

    private final IndexService index;
    private final DefinitionStore definitions;
    private final RecomputeRuns recomputes;
    private final MessageSource messages;
    private final JsonMapper json;

    InsightAdminController(IndexService index, DefinitionStore definitions, RecomputeRuns recomputes,
            MessageSource messages, JsonMapper json) {
        this.index = index;
        this.definitions = definitions;
        this.recomputes = recomputes;
        this.messages = messages;
        this.json = json;
    }

    @Bean
    static NavigationItem insightAdminNavigation() {
        return NavigationItem.forPermission(88, "nav.insight-admin", "/admin/service-index", IndexService.MANAGE);
    }

    @GetMapping("/admin/service-index")
    String page(@RequestParam(required = false) String year, Model model) {
        requireManage();
        int y = new InsightTables.Params(Collections.singletonMap("year", year)).year(index);
        fill(model, y);
        return "insight/admin";
    }

    @PostMapping("/admin/service-index/definitions")
    String loadDefinition(@RequestParam(required = false) String definition,
            @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        requireManage();
        String text = definition == null ? "" : definition;
        try {
            if (file != null && !file.isEmpty()) {
                if (file.getSize() > MAX_DEFINITION_BYTES) {
                    throw new InvalidInputException("file", "insight.admin.too-large");
                }
                text = new String(file.getBytes(), StandardCharsets.UTF_8);
            }
            if (text.isBlank()) {
                throw new InvalidInputException("definition", "insight.definition.required");
            }
            if (text.length() > MAX_DEFINITION_BYTES) {
                throw new InvalidInputException("definition", "insight.admin.too-large");
            }
            JsonNode body;
            try {
                body = json.readTree(text);
            } catch (JacksonException e) {
                throw new InvalidInputException("definition", "insight.admin.not-json");
            }
            String version = definitions.load(body, CurrentUser.name()).version();
            redirect.addFlashAttribute("loaded", version);
            return "redirect:/admin/service-index";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (CityGovException e) {
            model.addAttribute("definitionError", message(e));
            model.addAttribute("definitionField", e instanceof InvalidInputException i ? i.field() : null);
            model.addAttribute("definition", text);
            fill(model, index.today().getYear());
            return "insight/admin";
        }
    }

    @PostMapping("/admin/service-index/targets/{year}")
    String saveTargets(@PathVariable int year, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        requireManage();
        List<IndexService.Target> targets = new ArrayList<>();
        Map<String, String> entered = new LinkedHashMap<>();
        try {
            for (Kpi k : Kpi.ALL) {
                for (String scope : List.of("city", "ward")) {
                    String name = k.code() + "." + scope;
                    String v = form.getOrDefault(name, "").strip().replace(',', '.');
                    entered.put(name, v);
                    if (v.isEmpty()) {
                        continue;
                    }
                    BigDecimal percent;
                    try {
                        percent = new BigDecimal(v);
                    } catch (NumberFormatException e) {
                        throw new InvalidInputException(name, "insight.target.percent");
                    }
                    if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                        throw new InvalidInputException(name, "insight.target.percent");
                    }
                    targets.add(new IndexService.Target(k.code(), scope, percent));
                }
            }
            index.setTargets(year, targets);
            redirect.addFlashAttribute("targetsSaved", year);
            return "redirect:/admin/service-index?year=" + year;
        } catch (CityGovException e) {
            model.addAttribute("targetsError", message(e));
            model.addAttribute("targetsField", e instanceof InvalidInputException i ? i.field() : null);
            fill(model, year);
            model.addAttribute("targetValues", entered);
            return "insight/admin";
        }
    }

    @PostMapping("/admin/service-index/recompute")
    String recompute() {
        requireManage();
        recomputes.start();
        return "redirect:/admin/service-index#recompute";
    }

    /** Refused access and unknown years get the platform's error page with the status. */
    @ExceptionHandler(CityGovException.class)
    void failed(CityGovException ex, HttpServletResponse response) throws IOException {
        response.sendError(ex.status().value());
    }

    private void fill(Model model, int year) {
        model.addAttribute("recompute", recomputes.last().orElse(null));
        model.addAttribute("versions", definitions.versions());
        model.addAttribute("year", year);
        model.addAttribute("kpis", Kpi.ALL.stream().map(Kpi::code).toList());
        Map<String, String> values = new LinkedHashMap<>();
        for (IndexService.Target t : index.targetsOf(year)) {
            values.put(t.kpi() + "." + t.scope(), t.percent().stripTrailingZeros().toPlainString());
        }
        if (!model.containsAttribute("targetValues")) {
            model.addAttribute("targetValues", values);
        }
        model.addAttribute("dateTime", (Function<Instant, String>) InsightFormats::dateTime);
    }

    private String message(CityGovException e) {
        return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), LocaleContextHolder.getLocale());
    }

    private static void requireManage() {
        CurrentUser.require(IndexService.MANAGE, null);
    }
}
