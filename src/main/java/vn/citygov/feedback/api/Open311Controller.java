package vn.citygov.feedback.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import vn.citygov.feedback.Category;
import vn.citygov.feedback.CategoryAttributes;
import vn.citygov.feedback.CreatedReport;
import vn.citygov.feedback.FeedbackService;
import vn.citygov.feedback.NewReport;
import vn.citygov.feedback.internal.HandlingPointRow;
import vn.citygov.feedback.internal.ReportRepository;
import vn.citygov.feedback.internal.ReportRepository.ListQuery;
import vn.citygov.feedback.internal.ReportRow;
import vn.citygov.platform.security.ApiCredentials;
import vn.citygov.platform.security.CityGovUser;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) service requests, so existing Open311 clients can
 * report and follow reports unmodified: creating, listing and reading requests and tokens in .json and .xml, with
 * the specification's parameters and error format (the services are {@link Open311ServicesController}'s). Categories are its services; reports its service requests, identified by their public code.
 * Only public, unhidden reports are listed, and never personal data. Kept out of the REST API document: it
 * follows its own standard, not the CityGov API conventions.
 */
@Hidden
@Controller
@ResponseBody
class Open311Controller {

    static final String BASE = "/open311/v2";
    private static final String FORMAT = "{format:json|xml}";
    private static final ZoneId CITY = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final int MAX_REQUESTS = 1000;

    private final FeedbackService feedback;
    private final ReportRepository reports;
    /** The API key scope that allows creating service requests. */
    static final String SUBMIT_SCOPE = "open311.submit";

    private final ApiCredentials credentials;
    private final String baseUrl;

    Open311Controller(FeedbackService feedback, ReportRepository reports, ApiCredentials credentials,
            @Value("${citygov.base-url}") String baseUrl) {
        this.feedback = feedback;
        this.reports = reports;
        this.credentials = credentials;
        this.baseUrl = baseUrl;
    }

    @PostMapping(BASE + "/requests." + FORMAT)
    ResponseEntity<String> create(@PathVariable String format, HttpServletRequest request,
            @RequestParam(name = "api_key", required = false) String apiKey,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
            @RequestParam(name = "service_code", required = false) String serviceCode,
            @RequestParam(name = "lat", required = false) String lat,
            @RequestParam(name = "long", required = false) String lon,
            @RequestParam(name = "address_string", required = false) String address,
            @RequestParam(name = "email", required = false) String email,
            @RequestParam(name = "first_name", required = false) String firstName,
            @RequestParam(name = "last_name", required = false) String lastName,
            @RequestParam(name = "phone", required = false) String phone,
            @RequestParam(name = "description", required = false) String description,
            @RequestParam(name = "media_url", required = false) String mediaUrl,
            @RequestParam(name = "media", required = false) List<MultipartFile> media) throws IOException {
        if (apiKey == null || apiKey.isBlank()) {
            throw new Open311Exception(400, "api_key is required to create a service request");
        }
        CityGovUser client = credentials.byApiKey(apiKey.strip())
                .orElseThrow(() -> new Open311Exception(403, "api_key is invalid or revoked"));
        // Creating requests is a grant of its own, so a key made for another system cannot file reports.
        if (!client.can(SUBMIT_SCOPE)) {
            throw new Open311Exception(403, "api_key lacks the scope " + SUBMIT_SCOPE);
        }
        Category category = feedback.category(serviceCode == null ? null : serviceCode.strip())
                .orElseThrow(() -> new Open311Exception(404, "service_code not found"));
        Double[] point = location(lat, lon, address);
        String text = description == null || description.isBlank() ? null : description.strip();
        if (text == null) {
            throw new Open311Exception(400, "description is required");
        }
        String title = text.length() > 80 ? text.substring(0, 80).strip() + "…" : text;
        String name = String.join(" ", Arrays.stream(new String[] {firstName, lastName})
                .filter(s -> s != null && !s.isBlank()).map(String::strip).toList());
        NewReport in = new NewReport(category.code(), title, text, point[0], point[1], address, null,
                name.isEmpty() ? null : name, email, phone, mediaUrl,
                CategoryAttributes.fromParameters(request.getParameterMap()));
        // Photos sent with the request (multipart/form-data, "media" once per photo) are checked and kept with it in
        // one transaction: a refused photo leaves no request behind.
        List<FeedbackService.Upload> photos = new ArrayList<>();
        if (media != null) {
            for (MultipartFile m : media) {
                if (!m.isEmpty()) {
                    photos.add(new FeedbackService.Upload(m.getOriginalFilename(), m.getInputStream()));
                }
            }
        }
        CreatedReport created = feedback.submitWithPhotos(feedback.placed(in), "open311", null, client.username(),
                photos);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", created.code());
        r.put("token", created.token());
        r.put("service_notice", "Theo dõi tại " + baseUrl + "/feedback/" + created.code());
        r.put("account_id", null);
        return Open311Format.answer(201, format, "service_requests", List.of(r));
    }

    /**
     * The point from lat/long; none when only address_string is sent, which the report service then looks up
     * (the geocoder: ward and commune names, or the configured search service).
     */
    private static Double[] location(String lat, String lon, String address) {
        if (lat != null && !lat.isBlank() && lon != null && !lon.isBlank()) {
            try {
                return new Double[] {Double.parseDouble(lat.strip()), Double.parseDouble(lon.strip())};
            } catch (NumberFormatException e) {
                throw new Open311Exception(400, "lat and long must be decimal degrees");
            }
        }
        if (address != null && !address.isBlank()) {
            return new Double[] {null, null};
        }
        throw new Open311Exception(400, "lat and long, or address_string, are required");
    }

    @GetMapping(BASE + "/requests." + FORMAT)
    ResponseEntity<String> list(@PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
            @RequestParam(name = "service_request_id", required = false) String ids,
            @RequestParam(name = "service_code", required = false) String codes,
            @RequestParam(name = "start_date", required = false) String start,
            @RequestParam(name = "end_date", required = false) String end,
            @RequestParam(name = "status", required = false) String status) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder("public AND NOT hidden");
        if (ids != null && !ids.isBlank()) {
            // The specification: with service_request_id, the other parameters are ignored.
            List<String> wanted = split(ids).stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
            where.append(" AND code IN (:codes)");
            params.put("codes", wanted.isEmpty() ? List.of("-") : wanted);
        } else {
            if (codes != null && !codes.isBlank()) {
                List<String> categories = split(codes);
                where.append(" AND category_code IN (:categories)");
                params.put("categories", categories.isEmpty() ? List.of("-") : categories);
            }
            Instant from = date("start_date", start);
            Instant to = date("end_date", end);
            if (from == null && to == null) {
                from = Instant.now().minus(java.time.Duration.ofDays(90));
            }
            if (from != null) {
                where.append(" AND submitted_at >= :from");
                params.put("from", from.atOffset(java.time.ZoneOffset.UTC));
            }
            if (to != null) {
                where.append(" AND submitted_at <= :to");
                params.put("to", to.atOffset(java.time.ZoneOffset.UTC));
            }
            if (status != null && !status.isBlank()) {
                List<String> wanted = split(status);
                if (!List.of("open", "closed").containsAll(wanted)) {
                    throw new Open311Exception(400, "status must be open or closed");
                }
                if (!wanted.contains("closed")) {
                    where.append(" AND state IN ('received', 'assigned', 'in_progress', 'declined')");
                } else if (!wanted.contains("open")) {
                    where.append(" AND state IN ('answered', 'closed', 'merged')");
                }
            }
        }
        List<Object> out = new ArrayList<>();
        Map<String, Category> categories = new java.util.HashMap<>();
        feedback.categories().forEach(c -> categories.put(c.code(), c));
        for (ReportRow r : reports.rows(new ListQuery(where.toString(), params), MAX_REQUESTS)) {
            out.add(request(r, categories.get(r.categoryCode())));
        }
        return Open311Format.answer(200, format, "service_requests", out);
    }

    @GetMapping(BASE + "/requests/{id}." + FORMAT)
    ResponseEntity<String> one(@PathVariable String id, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        ReportRow r = reports.findByCode(id.toUpperCase(Locale.ROOT)).filter(x -> x.isPublic() && !x.hidden())
                .orElseThrow(() -> new Open311Exception(404, "service_request_id not found"));
        return Open311Format.answer(200, format, "service_requests",
                List.of(request(r, feedback.category(r.categoryCode()).orElse(null))));
    }

    @GetMapping(BASE + "/tokens/{token}." + FORMAT)
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        UUID uuid;
        try {
            uuid = UUID.fromString(token);
        } catch (IllegalArgumentException e) {
            throw new Open311Exception(404, "token not found");
        }
        ReportRow r = reports.findByToken(uuid).orElseThrow(() -> new Open311Exception(404, "token not found"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", r.code());
        m.put("token", token);
        return Open311Format.answer(200, format, "service_requests", List.of(m));
    }

    /**
     * Anything else under the Open311 base, in the specification's error format rather than the API's: a known
     * resource with a method it does not take is 405, anything else 404.
     */
    @org.springframework.web.bind.annotation.RequestMapping(BASE + "/**")
    ResponseEntity<String> unknown(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length() + BASE.length());
        if (path.matches("/(discovery|services|services/[^/]+|requests|requests/[^/]+|tokens/[^/]+)\\.(json|xml)")) {
            throw new Open311Exception(405, request.getMethod() + " is not allowed on this resource");
        }
        throw new Open311Exception(404, "no such resource; see " + baseUrl + BASE + "/discovery.json");
    }

    /** A service request; its category is read once per answer, not once per request listed. */
    private Map<String, Object> request(ReportRow r, Category c) {
        boolean open = switch (r.state()) {
            case "received", "assigned", "in_progress", "declined" -> true;
            default -> false;
        };
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", r.code());
        m.put("status", open ? "open" : "closed");
        m.put("status_notes", r.answer());
        m.put("service_name", c == null ? r.categoryCode() : c.nameVi());
        m.put("service_code", r.categoryCode());
        m.put("description", r.description());
        m.put("agency_responsible", r.handlingPointCode() == null ? null
                : reports.point(r.handlingPointCode()).map(HandlingPointRow::name).orElse(null));
        m.put("service_notice", null);
        m.put("requested_datetime", w3c(r.submittedAt()));
        m.put("updated_datetime", w3c(latest(r)));
        m.put("expected_datetime", w3c(r.dueAt()));
        m.put("address", r.address());
        m.put("address_id", null);
        m.put("zipcode", null);
        m.put("lat", r.lat());
        m.put("long", r.lon());
        // A link given with the request, else the first photo uploaded with the report.
        m.put("media_url", reports.mediaUrl(r.id()).orElseGet(() -> reports.photos(r.id()).stream()
                .filter(p -> "report".equals(p.kind())).findFirst()
                .map(p -> baseUrl + "/api/v1/feedback/reports/" + r.code() + "/photos/" + p.fileId()).orElse(null)));
        return m;
    }

    private static Instant latest(ReportRow r) {
        Instant t = r.submittedAt();
        for (Instant i : new Instant[] {r.answeredAt(), r.closedAt(), r.ratedAt()}) {
            if (i != null && i.isAfter(t)) {
                t = i;
            }
        }
        return t;
    }

    private static String w3c(Instant i) {
        return i == null ? null : W3C.format(i.atZone(CITY).toOffsetDateTime());
    }

    private static Instant date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw new Open311Exception(400, name + " must be a W3C date-time with a time zone, e.g. 2026-11-05T08:15:30+07:00");
        }
    }

    private static List<String> split(String csv) {
        // Codes are plain; anything else names nothing (and PostgreSQL cannot compare text holding NUL).
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> s.matches("[A-Za-z0-9._-]{1,64}"))
                .limit(100).toList();
    }
}
