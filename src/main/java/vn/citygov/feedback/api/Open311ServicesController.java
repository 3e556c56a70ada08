package vn.citygov.feedback.api;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.citygov.feedback.Category;
import vn.citygov.feedback.CategoryAttribute;
import vn.citygov.feedback.FeedbackService;

/**
 * Open311 GeoReport v2's description of the service: discovery, the list of services (the categories) and each
 * service's definition (its extra fields as attributes), in JSON and XML, in Vietnamese. Service requests are
 * {@link Open311Controller}'s.
 */
@Hidden
@Controller
@ResponseBody
class Open311ServicesController {

    private static final String BASE = Open311Controller.BASE;
    private static final String FORMAT = "{format:json|xml}";
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final FeedbackService feedback;
    private final String baseUrl;

    Open311ServicesController(FeedbackService feedback, @Value("${citygov.base-url}") String baseUrl) {
        this.feedback = feedback;
        this.baseUrl = baseUrl;
    }

    @GetMapping(BASE + "/discovery." + FORMAT)
    ResponseEntity<String> discovery(@PathVariable String format) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
        endpoint.put("url", baseUrl + BASE);
        endpoint.put("changeset", "2026-11-23T00:00:00+07:00");
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("text/xml", "application/json"));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("changeset", "2026-11-23T00:00:00+07:00");
        d.put("contact", "Cổng 1022 - Thành phố Hồ Chí Minh, " + baseUrl + "/feedback");
        d.put("key_service", "API keys are issued by the city's administrators (" + baseUrl + "/admin/api-keys)");
        d.put("endpoints", List.of(endpoint));
        return Open311Format.answer(200, format, "discovery", d);
    }

    @GetMapping(BASE + "/services." + FORMAT)
    ResponseEntity<String> services(@PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        List<Object> services = new ArrayList<>();
        for (Category c : feedback.categories()) {
            services.add(service(c));
        }
        return Open311Format.answer(200, format, "services", services);
    }

    private static Map<String, Object> service(Category c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("service_code", c.code());
        s.put("service_name", c.nameVi());
        s.put("description", c.nameEn());
        s.put("metadata", !c.attributes().isEmpty());
        s.put("type", "realtime");
        s.put("keywords", c.nameEn().toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").strip().replace(' ', ','));
        s.put("group", c.isPublic() ? "public" : "confidential");
        return s;
    }

    @GetMapping(BASE + "/services/{code}." + FORMAT)
    ResponseEntity<String> serviceDefinition(@PathVariable String code, @PathVariable String format) {
        Category c = feedback.category(code).orElseThrow(() -> new Open311Exception(404, "service_code not found"));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("service_code", c.code());
        List<Object> attributes = new ArrayList<>();
        for (CategoryAttribute a : c.orderedAttributes()) {
            attributes.add(attribute(a));
        }
        d.put("attributes", attributes);
        return Open311Format.answer(200, format, "service_definition", d);
    }

    /** One attribute as the specification lists its fields; values only for the list datatypes. */
    private static Map<String, Object> attribute(CategoryAttribute a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variable", a.takesInput());
        m.put("code", a.code());
        m.put("datatype", a.datatype());
        m.put("required", a.mustAnswer());
        m.put("datatype_description", a.datatypeDescription(VI));
        m.put("order", a.order());
        m.put("description", a.description(VI));
        if (a.listType()) {
            List<Object> values = new ArrayList<>();
            for (CategoryAttribute.Value v : a.valuesOrEmpty()) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("key", v.key());
                value.put("name", v.name(VI));
                values.add(value);
            }
            m.put("values", values);
        }
        return m;
    }
}
