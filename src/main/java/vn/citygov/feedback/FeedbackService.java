package vn.citygov.feedback;

import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.calendar.WorkingDayCalendar;
import vn.citygov.directory.AdminUnit;
import vn.citygov.feedback.internal.CityMap;
import vn.citygov.feedback.internal.EscalationRepository;
import vn.citygov.feedback.internal.HandlingPointRow;
import vn.citygov.feedback.internal.ReportRepository;
import vn.citygov.feedback.internal.ReportRepository.ListQuery;
import vn.citygov.feedback.internal.ReportRow;
import vn.citygov.files.FileOwner;
import vn.citygov.files.FileRejectedException;
import vn.citygov.files.FileStore;
import vn.citygov.files.StoredFile;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;
import vn.citygov.platform.error.ConflictException;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;
import vn.citygov.platform.text.TextFolding;

/**
 * Reports from submission to closing: checks, routing, deadlines, the officials' actions with their
 * authorisation, ratings and reopening, the public views and the figures. Every state change writes the
 * report, its history and its event in one transaction.
 */
@Service
@Transactional(readOnly = true)
public class FeedbackService {

    public static final String HANDLE = "feedback.handle";
    public static final String COORDINATE = "feedback.coordinate";
    public static final String MODERATE = "feedback.moderate";
    public static final String MONITOR = "feedback.monitor";
    public static final int MAX_PHOTOS = 5;
    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 5000;
    public static final List<String> STATES = List.of("received", "assigned", "in_progress", "answered", "closed",
            "declined", "merged");
    public static final List<String> ACTIONS = List.of("assign", "transfer", "decline", "start", "answer", "close",
            "merge", "hide");
    static final Set<String> OPEN_STATES = Set.of("received", "assigned", "in_progress", "declined");
    private static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .-]{8,20}");
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final Duration REOPEN_WINDOW = Duration.ofDays(7);
    private static final Duration PHOTO_WINDOW = Duration.ofHours(24);
    private static final ZoneId CITY = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Steps of the escalation ladder past due soon (1, the handling point): overdue (agency), still overdue (city). */
    public static final int AGENCY_LEVEL = 2;
    public static final int CITY_LEVEL = 3;

    private final ReportRepository reports;
    private final CityMap map;
    private final WorkingDayCalendar calendar;
    private final FileStore files;
    private final Geocoder geocoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final int perSourceLimit;
    private final int perAccountLimit;
    private final int perKeyLimit;
    private final Duration window;
    private final int dueSoonHours;
    private final EscalationRepository escalations;
    private final int cityAfterDays;

    FeedbackService(ReportRepository reports, CityMap map, WorkingDayCalendar calendar, FileStore files,
            Geocoder geocoder, ApplicationEventPublisher events, Clock clock, EscalationRepository escalations,
            @Value("${citygov.feedback.escalation.city-after-days:2}") int cityAfterDays,
            @Value("${citygov.feedback.rate-limit.per-address:100}") int perSourceLimit,
            @Value("${citygov.feedback.rate-limit.per-account:20}") int perAccountLimit,
            @Value("${citygov.feedback.rate-limit.per-api-key:1000}") int perKeyLimit,
            @Value("${citygov.feedback.rate-limit.window:PT1H}") Duration window,
            @Value("${citygov.feedback.due-soon-hours:4}") int dueSoonHours) {
        this.dueSoonHours = dueSoonHours;
        this.escalations = escalations;
        this.cityAfterDays = cityAfterDays;
        this.reports = reports;
        this.map = map;
        this.calendar = calendar;
        this.files = files;
        this.geocoder = geocoder;
        this.events = events;
        this.clock = clock;
        this.perSourceLimit = perSourceLimit;
        this.perAccountLimit = perAccountLimit;
        this.perKeyLimit = perKeyLimit;
        this.window = window;
    }

    // ---------------------------------------------------------------- categories and places

    public List<Category> categories() {
        return reports.categories();
    }

    public Optional<Category> category(String code) {
        return code == null ? Optional.empty() : categories().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public double[] cityBounds() {
        return map.bounds();
    }

    public List<AdminUnit> adminUnits() {
        return map.all();
    }

    // ---------------------------------------------------------------- submission

    /**
     * Checks and keeps a new report, routes it and starts its deadline.
     *
     * @param channel web, api or open311
     * @param clientAddress the caller's IP address for the rate limit, or null (API keys are accountable)
     */
    @Transactional
    public CreatedReport submit(NewReport in, String channel, String clientAddress) {
        return submit(in, channel, clientAddress, null);
    }

    /** As {@link #submit(NewReport, String, String)}, recording {@code actor} (e.g. an Open311 client) when given. */
    @Transactional
    public CreatedReport submit(NewReport in, String channel, String clientAddress, String actor) {
        if (in == null) {
            throw new InvalidInputException("categoryCode", "validation.required");
        }
        Category category = category(blankToNull(in.categoryCode()))
                .orElseThrow(() -> new InvalidInputException("categoryCode", "feedback.error.category"));
        String title = text("title", in.title(), MAX_TITLE, true);
        String description = text("description", in.description(), MAX_TEXT, true);
        Map<String, Object> answers = CategoryAttributes.checkAnswers(category, in.attributes());
        String address = text("address", in.address(), 300, false);
        // No pin: the address places the report, and names its unit unless one was chosen.
        in = placed(in);
        if (in.lat() == null && in.lon() == null) {
            throw new InvalidInputException("lat", "feedback.error.location-required");
        }
        double[] point = location(in.lat(), in.lon());
        String unitCode = blankToNull(in.adminUnitCode());
        if (unitCode != null) {
            if (map.unit(unitCode).isEmpty()) {
                throw new InvalidInputException("adminUnitCode", "feedback.error.admin-unit");
            }
        } else {
            unitCode = map.unitAt(point[0], point[1])
                    .orElseThrow(() -> new InvalidInputException("lat", "feedback.error.outside-city")).code();
        }
        String contactName = text("contactName", in.contactName(), 100, false);
        String contactEmail = text("contactEmail", in.contactEmail(), 200, false);
        if (contactEmail != null && !EMAIL.matcher(contactEmail).matches()) {
            throw new InvalidInputException("contactEmail", "feedback.error.email");
        }
        String contactPhone = text("contactPhone", in.contactPhone(), 20, false);
        if (contactPhone != null && !PHONE.matcher(contactPhone).matches()) {
            throw new InvalidInputException("contactPhone", "feedback.error.phone");
        }
        String mediaUrl = text("mediaUrl", in.mediaUrl(), 500, false);
        if (mediaUrl != null && !mediaUrl.matches("https?://[^\\s<>\"]+")) {
            throw new InvalidInputException("mediaUrl", "feedback.error.media-url");
        }
        Optional<CityGovUser> user = CurrentUser.get();
        Instant now = clock.instant();
        limitRate(user, clientAddress, actor, now);

        Optional<HandlingPointRow> routed = reports.route(category.code(), unitCode);
        Instant due = deadline(category, now);
        UUID token = UUID.randomUUID();
        Long reporter = user.filter(u -> u.kind() != CityGovUser.UserKind.MACHINE).map(CityGovUser::id).orElse(null);
        String searchText = TextFolding.fold(title + " " + description);
        long id = -1;
        String code = null;
        for (int attempt = 0; attempt < 5 && id < 0; attempt++) {
            code = newCode(now);
            var row = new ReportRepository.NewRow(code, token, category.code(), title, description, point[0], point[1],
                    address, unitCode, routed.map(HandlingPointRow::code).orElse(null),
                    routed.map(HandlingPointRow::agencyCode).orElse(null), routed.isPresent() ? "assigned" : "received",
                    channel, reporter, contactName, contactEmail, contactPhone, category.isPublic(), now, due,
                    searchText, mediaUrl, answers);
            id = reports.insert(row).orElse(-1L);
        }
        if (id < 0) {
            throw new IllegalStateException("no free report code");
        }
        reports.history(id, now, actor != null ? actor : CurrentUser.name(), "submit", null, "received", null, false);
        events.publishEvent(new ReportSubmitted(id, code, category.code(), null, unitCode, now, due, channel));
        if (routed.isPresent()) {
            reports.history(id, now, "system", "route", "received", "assigned", routed.get().name(), false);
            events.publishEvent(new ReportAssigned(id, code, category.code(), routed.get().agencyCode(), unitCode, now,
                    routed.get().code(), null, null, due));
        }
        return new CreatedReport(code, token.toString(), publicView(code, Locale.forLanguageTag("vi")));
    }

    /**
     * The report with its place found from the address when it has no pin (the unit too, unless chosen), else as
     * it is. Outside any transaction, so a slow geocoder holds no database connection; {@link #submit} looks the
     * address up itself when given a report without a place.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public NewReport placed(NewReport in) {
        if (in == null || in.lat() != null || in.lon() != null || in.address() == null || in.address().isBlank()) {
            return in;
        }
        String address = text("address", in.address(), 300, false);
        Geocoder.Place place = geocoder.locate(address)
                .orElseThrow(() -> new InvalidInputException("address", "feedback.error.address-unknown"));
        String unit = blankToNull(in.adminUnitCode()) != null ? in.adminUnitCode() : place.adminUnitCode();
        return new NewReport(in.categoryCode(), in.title(), in.description(), place.lat(), place.lon(), in.address(),
                unit, in.contactName(), in.contactEmail(), in.contactPhone(), in.mediaUrl(), in.attributes());
    }

    /**
     * Sliding window per address and per account, and per API key for systems (an Open311 client files for many
     * people from one address, so its key is what is counted); the window's rows are pruned as it moves.
     */
    private void limitRate(Optional<CityGovUser> user, String clientAddress, String actor, Instant now) {
        Instant since = now.minus(window);
        Map<String, Integer> sources = new LinkedHashMap<>();
        boolean machine = user.isPresent() && user.get().kind() == CityGovUser.UserKind.MACHINE;
        if (machine || (user.isEmpty() && actor != null)) {
            sources.put("key:" + (machine ? user.get().username() : actor), perKeyLimit);
        } else {
            if (clientAddress != null) {
                sources.put("ip:" + clientAddress, perSourceLimit);
            }
            user.ifPresent(u -> sources.put("user:" + u.id(), perAccountLimit));
        }
        // A limit of 0 or less: that kind of source is not limited (e.g. for a load test).
        sources.values().removeIf(limit -> limit <= 0);
        for (Map.Entry<String, Integer> source : sources.entrySet()) {
            if (reports.submissionsSince(source.getKey(), since, source.getValue()) >= source.getValue()) {
                throw new TooManyReportsException();
            }
        }
        for (String source : sources.keySet()) {
            reports.recordSubmission(source, now);
        }
    }

    /** Whether one more submission from this source would pass now; for tests and monitoring. */
    public boolean allowsSubmissionFrom(String clientAddress) {
        return perSourceLimit <= 0
                || reports.submissionsSince("ip:" + clientAddress, clock.instant().minus(window), perSourceLimit) < perSourceLimit;
    }

    private Instant deadline(Category category, Instant from) {
        return category.deadlineHours() != null ? calendar.addWorkingHours(from, category.deadlineHours())
                : calendar.addWorkingDays(from, category.deadlineDays());
    }

    private String newCode(Instant now) {
        StringBuilder b = new StringBuilder("PA-").append(LocalDate.ofInstant(now, CITY).getYear()).append('-');
        for (int i = 0; i < 6; i++) {
            b.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
        }
        return b.toString();
    }

    private double[] location(Double lat, Double lon) {
        if (lat == null) {
            throw new InvalidInputException("lat", "validation.required");
        }
        if (lon == null) {
            throw new InvalidInputException("lon", "validation.required");
        }
        if (!Double.isFinite(lat) || !Double.isFinite(lon) || !map.inside(lat, lon)) {
            throw new InvalidInputException("lat", "feedback.error.outside-city");
        }
        return new double[] {lat, lon};
    }

    static String text(String field, String value, int max, boolean required) {
        // NUL cannot be stored in PostgreSQL text and means nothing in a report.
        String v = value == null ? null : TextFolding.nfc(value.replace("\u0000", "")).strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                throw new InvalidInputException(field, "validation.required");
            }
            return null;
        }
        if (v.length() > max) {
            throw new InvalidInputException(field, "validation.too-long");
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A filter naming a category, unit, handling point or agency: a plain code or nothing. */
    static String codeParam(String field, String value) {
        String v = blankToNull(value);
        if (v != null && !v.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new InvalidInputException(field, "error.invalid-parameter", field);
        }
        return v;
    }

    // ---------------------------------------------------------------- photos

    /**
     * Adds a photo: the reporter's (kind report: their account or the report's token, within 24 hours of
     * submission) or the answer's (kind answer: an official who handles it). JPEG and PNG only, at most five.
     */
    @Transactional
    public ReportPhoto addPhoto(String code, String kind, String token, InputStream content, String name) {
        ReportRow r = reports.lock(code).orElseThrow(() -> notFound(code));
        if ("answer".equals(kind)) {
            requireScope(r, HANDLE);
        } else {
            if (!isReporter(r, token)) {
                throw notFound(code);
            }
            if (clock.instant().isAfter(r.submittedAt().plus(PHOTO_WINDOW)) || !r.open()) {
                throw new ConflictException("feedback.error.photos-closed");
            }
        }
        if (reports.photoCount(r.id(), kind) >= MAX_PHOTOS) {
            throw new ConflictException("feedback.error.too-many-photos", MAX_PHOTOS);
        }
        StoredFile file = files.put(content, name == null ? "photo" : name, new FileOwner(FileOwner.Kind.SYSTEM, r.id()),
                false);
        if (!PHOTO_TYPES.contains(file.mediaType())) {
            // The surrounding transaction rolls the stored file's record back: nothing is half-saved.
            throw FileRejectedException.unsupportedType();
        }
        reports.addPhoto(r.id(), file.id(), kind, file.mediaType());
        return new ReportPhoto(file.id(), kind, file.mediaType(), photoUrl(code, file.id()));
    }

    /** A photo sent with the report form. */
    public record Upload(String name, InputStream content) {
    }

    /** Submits and attaches the photos in one transaction: a refused photo leaves no report behind. */
    @Transactional
    public CreatedReport submitWithPhotos(NewReport in, String channel, String clientAddress, List<Upload> photos) {
        return submitWithPhotos(in, channel, clientAddress, null, photos);
    }

    /** As {@link #submitWithPhotos(NewReport, String, String, List)}, recording {@code actor} when given. */
    @Transactional
    public CreatedReport submitWithPhotos(NewReport in, String channel, String clientAddress, String actor,
            List<Upload> photos) {
        if (photos.size() > MAX_PHOTOS) {
            throw new InvalidInputException("photos", "feedback.error.too-many-photos", MAX_PHOTOS);
        }
        CreatedReport created = submit(in, channel, clientAddress, actor);
        for (Upload photo : photos) {
            addPhoto(created.code(), "report", created.token(), photo.content(), photo.name());
        }
        return photos.isEmpty() ? created
                : new CreatedReport(created.code(), created.token(), publicView(created.code(), Locale.forLanguageTag("vi")));
    }

    /**
     * An official's action with photos for the answer, in one transaction: a refused photo (not an image, one too
     * many) leaves the report as it was. Photos go only with an answer.
     */
    @Transactional
    public Report actWithPhotos(String code, ReportAction in, List<Upload> photos, Locale locale) {
        if (!photos.isEmpty() && (in == null || !"answer".equals(blankToNull(in.action())))) {
            throw new InvalidInputException("photos", "feedback.error.photos-with-answer");
        }
        if (photos.size() > MAX_PHOTOS) {
            throw new InvalidInputException("photos", "feedback.error.too-many-photos", MAX_PHOTOS);
        }
        Report after = act(code, in, locale);
        if (photos.isEmpty()) {
            return after;
        }
        for (Upload photo : photos) {
            addPhoto(after.code(), "answer", null, photo.content(), photo.name());
        }
        return get(after.code(), locale);
    }

    /** Whether the current user (or the token's holder) may rate the report now. */
    public boolean rateable(String code, String token) {
        return reports.findByCode(code).filter(r -> isReporter(r, token)).filter(r -> ("answered".equals(r.state())
                || "closed".equals(r.state())) && r.answeredAt() != null
                && (r.ratedAt() == null || r.ratedAt().isBefore(r.answeredAt()))).isPresent();
    }

    /** A photo's content type and bytes, when the report may be seen by the caller. */
    public PhotoContent photo(String code, UUID fileId) {
        ReportRow r = reports.findByCode(code).orElseThrow(() -> notFound(code));
        if (!publiclyVisible(r) && !mayView(r)) {
            throw notFound(code);
        }
        String type = reports.photoType(r.id(), fileId).orElseThrow(() -> new NotFoundException("photo", fileId));
        InputStream in = files.content(fileId).orElseThrow(() -> new NotFoundException("photo", fileId));
        return new PhotoContent(type, in);
    }

    /** A photo to send; the caller closes the stream. */
    public record PhotoContent(String mediaType, InputStream content) {
    }

    static String photoUrl(String code, UUID id) {
        return "/api/v1/feedback/reports/" + code + "/photos/" + id;
    }

    private List<ReportPhoto> photos(ReportRow r) {
        return reports.photos(r.id()).stream()
                .map(p -> new ReportPhoto(p.fileId(), p.kind(), p.mediaType(), photoUrl(r.code(), p.fileId()))).toList();
    }

    // ---------------------------------------------------------------- public views

    private static boolean publiclyVisible(ReportRow r) {
        return r.isPublic() && !r.hidden();
    }

    /** The public page of a report: nothing personal; a hidden or non-public report shows almost nothing. */
    public PublicReport publicView(String code, Locale locale) {
        ReportRow r = reports.findByCode(code == null ? "" : code.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> notFound(code));
        Category c = category(r.categoryCode()).orElseThrow();
        boolean visible = publiclyVisible(r);
        String unitName = map.unit(r.adminUnitCode()).map(AdminUnit::name).orElse(null);
        String pointName = r.handlingPointCode() == null ? null
                : reports.point(r.handlingPointCode()).map(p -> "en".equals(locale.getLanguage()) && p.nameEn() != null
                        ? p.nameEn() : p.name()).orElse(null);
        String mergedInto = r.mergedInto() == null ? null : reports.find(r.mergedInto()).map(ReportRow::code).orElse(null);
        return new PublicReport(r.code(), r.categoryCode(), c.name(locale), visible ? r.title() : null,
                visible ? r.description() : null, visible ? r.lat() : 0, visible ? r.lon() : 0, r.adminUnitCode(),
                unitName, pointName, r.state(), r.hidden(), mergedInto, r.submittedAt(), r.dueAt(), r.answeredAt(),
                visible ? r.answer() : null, r.rating(), r.overdue(), visible ? photos(r) : List.of(),
                reports.history(r.id(), false),
                visible ? CategoryAttributes.answers(c, reports.attributes(r.id()), locale) : List.of());
    }

    /** Possible duplicates to show before submitting. */
    public List<ReportSummary> similar(String categoryCode, Double lat, Double lon, String text) {
        Category category = category(blankToNull(categoryCode))
                .orElseThrow(() -> new InvalidInputException("category", "feedback.error.category"));
        double[] point = location(lat, lon);
        String clean = text == null ? "" : text.replace("\u0000", "");
        String folded = TextFolding.fold(clean.length() > 500 ? clean.substring(0, 500) : clean);
        return reports.similar(category.code(), point[0], point[1], folded, clock.instant().minus(Duration.ofDays(30)));
    }

    /** Filters of the public map and list; status is open, closed or one state. */
    public record MapFilter(String category, String status, String unit, LocalDate from, LocalDate to) {
    }

    /** Reports in a box [minLon, minLat, maxLon, maxLat], newest first, at most {@code limit}. */
    public List<ReportSummary> map(double[] bbox, MapFilter filter, int limit) {
        if (bbox == null || bbox.length != 4 || bbox[0] > bbox[2] || bbox[1] > bbox[3]) {
            throw new InvalidInputException("bbox", "feedback.error.bbox");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder("public AND NOT hidden AND state <> 'merged'"
                + " AND lat BETWEEN :minLat AND :maxLat AND lon BETWEEN :minLon AND :maxLon");
        params.put("minLon", bbox[0]);
        params.put("minLat", bbox[1]);
        params.put("maxLon", bbox[2]);
        params.put("maxLat", bbox[3]);
        filters(filter, where, params);
        ListQuery q = new ListQuery(where.toString(), params);
        int n = Math.max(1, Math.min(limit, 1000));
        List<Integer> cells = cells(bbox);
        if (cells.isEmpty()) {
            // A city-sized box: most rows are inside, so newest-first over all of them finds enough at once.
            return reports.list(q, "submitted_at DESC, id DESC", n, 0);
        }
        return reports.newestInCells(cells, q, n);
    }

    /** Grid cells (0.01°, as the column feedback_report.cell) covering a box; empty when there would be too many. */
    static List<Integer> cells(double[] bbox) {
        long minLat = (long) Math.floor(bbox[1] * 100);
        long maxLat = (long) Math.floor(bbox[3] * 100);
        long minLon = (long) Math.floor(bbox[0] * 100);
        long maxLon = (long) Math.floor(bbox[2] * 100);
        if ((maxLat - minLat + 1) * (maxLon - minLon + 1) > 400 || Math.abs(maxLat) > 9000 || Math.abs(maxLon) > 18000) {
            return List.of();
        }
        List<Integer> cells = new ArrayList<>();
        for (long lat = minLat; lat <= maxLat; lat++) {
            for (long lon = minLon; lon <= maxLon; lon++) {
                cells.add((int) (lat * 100000 + lon));
            }
        }
        return cells;
    }

    /** The public list, paged. */
    public PageResult<ReportSummary> publicList(MapFilter filter, PageQuery page) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder("public AND NOT hidden AND state <> 'merged'");
        filters(filter, where, params);
        ListQuery q = new ListQuery(where.toString(), params);
        return PageResult.of(reports.list(q, "submitted_at DESC, id DESC", page.size(), page.offset()), reports.count(q),
                page);
    }

    private void filters(MapFilter filter, StringBuilder where, Map<String, Object> params) {
        if (filter == null) {
            return;
        }
        String category = codeParam("category", filter.category());
        if (category != null) {
            where.append(" AND category_code = :category");
            params.put("category", category);
        }
        String status = blankToNull(filter.status());
        if (status != null) {
            switch (status) {
                case "open" -> where.append(" AND state IN ('received', 'assigned', 'in_progress', 'declined')");
                case "closed" -> where.append(" AND state IN ('answered', 'closed')");
                default -> {
                    if (!STATES.contains(status)) {
                        throw new InvalidInputException("status", "feedback.error.status");
                    }
                    where.append(" AND state = :state");
                    params.put("state", status);
                }
            }
        }
        String unit = codeParam("unit", filter.unit());
        if (unit != null) {
            where.append(" AND admin_unit_code = :unit");
            params.put("unit", unit);
        }
        if (filter.from() != null) {
            where.append(" AND submitted_at >= :from");
            params.put("from", filter.from().atStartOfDay(CITY).toOffsetDateTime());
        }
        if (filter.to() != null) {
            where.append(" AND submitted_at < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay(CITY).toOffsetDateTime());
        }
    }

    /** Per admin unit: volume, on-time share, satisfaction. One unit when {@code unit} is given. */
    public List<UnitStatistics> statistics(String unit) {
        return reports.unitStatistics(codeParam("unit", unit), map.names());
    }

    // ---------------------------------------------------------------- following

    /** Anyone may follow a public report by e-mail; following twice changes nothing. */
    @Transactional
    public void follow(String code, String email) {
        ReportRow r = reports.findByCode(code).orElseThrow(() -> notFound(code));
        if (!publiclyVisible(r) && !isReporter(r, null)) {
            throw notFound(code);
        }
        String e = text("email", email, 200, true);
        if (!EMAIL.matcher(e).matches()) {
            throw new InvalidInputException("email", "feedback.error.email");
        }
        reports.follow(r.id(), e.toLowerCase(Locale.ROOT));
    }

    // ---------------------------------------------------------------- officials

    /** A report with everything, for the officials who may see it and for its reporter. */
    public Report get(String code, Locale locale) {
        ReportRow r = reports.findByCode(code).orElseThrow(() -> notFound(code));
        if (!mayView(r)) {
            if (isReporter(r, null)) {
                return full(r, locale, List.of());
            }
            if (CurrentUser.get().map(FeedbackService::isOfficial).orElse(false)) {
                throw new ForbiddenException();
            }
            throw notFound(code);
        }
        return full(r, locale, actions(r));
    }

    private Report full(ReportRow r, Locale locale, List<String> actions) {
        Category c = category(r.categoryCode()).orElseThrow();
        String pointName = r.handlingPointCode() == null ? null
                : reports.point(r.handlingPointCode()).map(HandlingPointRow::name).orElse(null);
        String mergedInto = r.mergedInto() == null ? null : reports.find(r.mergedInto()).map(ReportRow::code).orElse(null);
        return new Report(r.id(), r.code(), r.categoryCode(), c.name(locale), r.title(), r.description(), r.lat(),
                r.lon(), r.address(), r.adminUnitCode(), r.handlingPointCode(), pointName, r.agencyCode(), r.state(),
                r.channel(), r.isPublic(), r.hidden(), r.hiddenReason(), mergedInto, r.contactName(), r.contactEmail(),
                r.contactPhone(), r.submittedAt(), r.dueAt(), r.answeredAt(), r.closedAt(), r.answer(), r.overdue(),
                r.reopened(), r.rating(), r.version(), photos(r), reports.history(r.id(), true), actions,
                CategoryAttributes.answers(c, reports.attributes(r.id()), locale));
    }

    /** The inbox: reports of the caller's agencies' handling points (every report for city-wide grants). */
    public PageResult<ReportSummary> inbox(String state, String handlingPoint, boolean overdueOnly, PageQuery page) {
        CityGovUser user = CurrentUser.get().filter(FeedbackService::isOfficial).orElseThrow(ForbiddenException::new);
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder("true");
        if (!citywide(user)) {
            where.append(" AND agency_code IN (:agencies)");
            params.put("agencies", user.agencyCodes().isEmpty() ? Set.of("-") : user.agencyCodes());
        }
        if (blankToNull(state) != null) {
            if (!STATES.contains(state.strip())) {
                throw new InvalidInputException("state", "feedback.error.status");
            }
            where.append(" AND state = :state");
            params.put("state", state.strip());
        }
        String point = codeParam("handlingPoint", handlingPoint);
        if (point != null) {
            where.append(" AND handling_point_code = :point");
            params.put("point", point);
        }
        if (overdueOnly) {
            where.append(" AND overdue AND state IN ('received', 'assigned', 'in_progress', 'declined')");
        }
        ListQuery q = new ListQuery(where.toString(), params);
        return PageResult.of(reports.list(q, "submitted_at DESC, id DESC", page.size(), page.offset()), reports.count(q),
                page);
    }

    /** Handling points the caller's agencies own (all for city-wide grants is too many: those see none here). */
    public List<HandlingPointRow> myHandlingPoints() {
        return CurrentUser.get().map(u -> reports.pointsOf(u.agencyCodes())).orElse(List.of());
    }

    private static boolean isOfficial(CityGovUser u) {
        return u.can(HANDLE) || u.can(COORDINATE) || u.can(MODERATE) || u.can(MONITOR);
    }

    private static boolean citywide(CityGovUser u) {
        return u.canCitywide(HANDLE) || u.canCitywide(COORDINATE) || u.canCitywide(MODERATE) || u.canCitywide(MONITOR);
    }

    private static boolean mayView(ReportRow r) {
        return CurrentUser.get().map(u -> u.can(HANDLE, r.agencyCode()) || u.can(COORDINATE, r.agencyCode())
                || u.can(MODERATE, r.agencyCode()) || u.can(MONITOR, r.agencyCode())).orElse(false);
    }

    private boolean isReporter(ReportRow r, String token) {
        if (token != null && !token.isBlank()) {
            try {
                if (r.token().equals(UUID.fromString(token.strip()))) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return r.reporterId() != null && CurrentUser.get()
                .filter(u -> u.kind() != CityGovUser.UserKind.MACHINE && u.id() == r.reporterId()).isPresent();
    }

    private static CityGovUser requireScope(ReportRow r, String permission) {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        if (!user.can(permission, r.agencyCode())) {
            if (!isOfficial(user) && !mayView(r)) {
                throw notFound(r.code());
            }
            throw new ForbiddenException();
        }
        return user;
    }

    /** The actions the current user may take on the report now. */
    private static List<String> actions(ReportRow r) {
        Optional<CityGovUser> user = CurrentUser.get();
        if (user.isEmpty()) {
            return List.of();
        }
        CityGovUser u = user.get();
        List<String> out = new ArrayList<>();
        boolean handle = u.can(HANDLE, r.agencyCode()) && r.agencyCode() != null;
        boolean coordinate = u.can(COORDINATE, r.agencyCode());
        String s = r.state();
        if (coordinate && OPEN_STATES.contains(s)) {
            out.add("assign");
        }
        if (handle && (s.equals("assigned") || s.equals("in_progress"))) {
            out.add("transfer");
            out.add("decline");
        }
        if (handle && s.equals("assigned")) {
            out.add("start");
        }
        if (handle && (s.equals("assigned") || s.equals("in_progress"))) {
            out.add("answer");
        }
        if (handle && s.equals("answered")) {
            out.add("close");
        }
        if (coordinate && OPEN_STATES.contains(s)) {
            out.add("merge");
        }
        if (u.can(MODERATE, r.agencyCode()) && !r.hidden()) {
            out.add("hide");
        }
        return out;
    }

    /** An official's action; {@code version} must be the one read (409 otherwise). */
    @Transactional
    public Report act(String code, ReportAction in, Locale locale) {
        if (in == null || blankToNull(in.action()) == null) {
            throw new InvalidInputException("action", "validation.required");
        }
        String action = in.action().strip();
        if (!ACTIONS.contains(action)) {
            throw new InvalidInputException("action", "feedback.error.action");
        }
        if (in.version() == null) {
            throw new InvalidInputException("version", "validation.required");
        }
        ReportRow r = reports.findByCode(code).orElseThrow(() -> notFound(code));
        String permission = switch (action) {
            case "assign", "merge" -> COORDINATE;
            case "hide" -> MODERATE;
            default -> HANDLE;
        };
        CityGovUser user = requireScope(r, permission);
        if (r.version() != in.version()) {
            throw new OptimisticLockingFailureException("report " + code + " changed");
        }
        if (!actions(r).contains(action)) {
            throw new ConflictException("feedback.error.illegal-transition", action, r.state());
        }
        Instant now = clock.instant();
        String actor = user.username();
        ReportRow next;
        String comment = null;
        FeedbackEvent event;
        boolean internal = false;
        switch (action) {
            case "assign", "transfer" -> {
                HandlingPointRow target = reports.point(blankToNull(in.handlingPoint()) == null ? "" : in.handlingPoint().strip())
                        .orElseThrow(() -> new InvalidInputException("handlingPoint", "feedback.error.handling-point"));
                if (target.code().equals(r.handlingPointCode())) {
                    throw new InvalidInputException("handlingPoint", "feedback.error.same-point");
                }
                comment = "transfer".equals(action) ? text("text", in.text(), MAX_TEXT, true)
                        : text("text", in.text(), MAX_TEXT, false);
                next = r.change().point(target.code(), target.agencyCode()).state("assigned").done();
                event = new ReportAssigned(r.id(), r.code(), r.categoryCode(), target.agencyCode(), r.adminUnitCode(), now,
                        target.code(), r.handlingPointCode(), comment, r.dueAt());
                comment = target.name() + (comment == null ? "" : ": " + comment);
            }
            case "decline" -> {
                comment = text("text", in.text(), MAX_TEXT, true);
                next = r.change().point(null, null).state("declined").done();
                event = new ReportDeclined(r.id(), r.code(), r.categoryCode(), r.agencyCode(), r.adminUnitCode(), now,
                        r.handlingPointCode(), comment);
                internal = true;
            }
            case "start" -> {
                next = r.change().state("in_progress").done();
                event = new ReportStarted(r.id(), r.code(), r.categoryCode(), r.agencyCode(), r.adminUnitCode(), now,
                        r.dueAt());
            }
            case "answer" -> {
                String answer = text("text", in.text(), MAX_TEXT, true);
                next = r.change().state("answered").answered(now, answer).done();
                event = new ReportAnswered(r.id(), r.code(), r.categoryCode(), r.agencyCode(), r.adminUnitCode(), now,
                        r.dueAt(), !now.isAfter(r.dueAt()), Duration.between(r.submittedAt(), now).toMinutes());
            }
            case "close" -> {
                next = r.change().state("closed").closedAt(now).done();
                event = new ReportClosed(r.id(), r.code(), r.categoryCode(), r.agencyCode(), r.adminUnitCode(), now,
                        r.dueAt(), r.answeredAt() != null && !r.answeredAt().isAfter(r.dueAt()));
            }
            case "merge" -> {
                String into = blankToNull(in.mergeInto());
                ReportRow target = into == null ? null : reports.findByCode(into.toUpperCase(Locale.ROOT)).orElse(null);
                if (target == null || target.id() == r.id() || "merged".equals(target.state())) {
                    throw new InvalidInputException("mergeInto", "feedback.error.merge-target");
                }
                next = r.change().state("merged").mergedInto(target.id()).closedAt(now).done();
                reports.moveFollowers(r.id(), target.id());
                if (r.contactEmail() != null) {
                    reports.follow(target.id(), r.contactEmail().toLowerCase(Locale.ROOT));
                }
                comment = target.code();
                event = new ReportMerged(r.id(), r.code(), r.categoryCode(), r.agencyCode(), r.adminUnitCode(), now,
                        target.code());
            }
            case "hide" -> {
                String reason = text("text", in.text(), MAX_TEXT, true);
                next = r.change().hidden(reason).done();
                comment = reason;
                internal = true;
                event = new ReportHidden(r.id(), r.code(), r.categoryCode(), r.agencyCode(), r.adminUnitCode(), now,
                        reason);
            }
            default -> throw new InvalidInputException("action", "feedback.error.action");
        }
        if (!reports.update(next)) {
            throw new OptimisticLockingFailureException("report " + code + " changed");
        }
        String historyAction = "assign".equals(action) && r.handlingPointCode() != null ? "reroute" : action;
        reports.history(r.id(), now, actor, historyAction, r.state(), next.state(), comment, internal);
        events.publishEvent(event);
        // The actor may no longer see it (transferred or declined away): the answer shows it as it is now anyway.
        ReportRow after = reports.find(r.id()).orElseThrow();
        return full(after, locale, actions(after));
    }



    // ---------------------------------------------------------------- rating and reopening

    /**
     * The reporter rates the answer (1–5). A satisfied rating closes the report. An unsatisfied one (1 or 2)
     * within 7 days of the answer reopens it once, with a new deadline; otherwise it closes it too.
     *
     * @return the public view after the rating
     */
    @Transactional
    public PublicReport rate(String code, Integer score, String token, Locale locale) {
        ReportRow r = reports.findByCode(code).orElseThrow(() -> notFound(code));
        if (!isReporter(r, token)) {
            throw CurrentUser.get().isPresent() ? new ForbiddenException() : notFound(code);
        }
        if (score == null || score < 1 || score > 5) {
            throw new InvalidInputException("score", "feedback.error.score");
        }
        boolean rateable = ("answered".equals(r.state()) || "closed".equals(r.state())) && r.answeredAt() != null
                && (r.ratedAt() == null || r.ratedAt().isBefore(r.answeredAt()));
        if (!rateable) {
            throw new ConflictException("feedback.error.not-rateable");
        }
        Instant now = clock.instant();
        boolean satisfied = score >= 3;
        boolean reopen = !satisfied && !r.reopened() && !now.isAfter(r.answeredAt().plus(REOPEN_WINDOW));
        Category category = category(r.categoryCode()).orElseThrow();
        ReportRow next;
        Instant due = reopen ? deadline(category, now) : r.dueAt();
        String state = reopen ? "in_progress" : "closed";
        next = r.change().state(state).dueAt(due).closedAt(reopen ? null : (r.closedAt() == null ? now : r.closedAt()))
                .overdue(!reopen && r.overdue()).reopened(r.reopened() || reopen).rated(score, now).done();
        if (!reports.update(next)) {
            throw new OptimisticLockingFailureException("report " + code + " changed");
        }
        String actor = CurrentUser.name();
        reports.history(r.id(), now, actor, "rate", r.state(), r.state(), String.valueOf(score), false);
        events.publishEvent(new ReportRated(r.id(), r.code(), r.categoryCode(), r.agencyCode(), r.adminUnitCode(), now,
                score, satisfied));
        if (reopen) {
            reports.history(r.id(), now, actor, "reopen", r.state(), state, null, false);
            events.publishEvent(new ReportReopened(r.id(), r.code(), r.categoryCode(), r.agencyCode(),
                    r.adminUnitCode(), now, due, score));
        } else if (!"closed".equals(r.state())) {
            reports.history(r.id(), now, "system", "close", r.state(), "closed", null, false);
            events.publishEvent(new ReportClosed(r.id(), r.code(), r.categoryCode(), r.agencyCode(),
                    r.adminUnitCode(), now, r.dueAt(), !r.answeredAt().isAfter(r.dueAt())));
        }
        return publicView(code, locale);
    }

    // ---------------------------------------------------------------- deadlines

    /** Marks open reports past their deadline as overdue and publishes {@link ReportOverdue} for each, once. */
    @Transactional
    public int markOverdue() {
        return markOverdue(clock.instant());
    }

    /** As {@link #markOverdue()} at the given time (the job passes the clock's; tests a fixed one). */
    @Transactional
    public int markOverdue(Instant now) {
        int n = 0;
        for (ReportRow r : reports.dueBefore(now)) {
            ReportRow next = r.change().overdue(true).done();
            if (reports.update(next)) {
                reports.history(r.id(), now, "system", "overdue", r.state(), r.state(), null, true);
                events.publishEvent(new ReportOverdue(r.id(), r.code(), r.categoryCode(), r.agencyCode(),
                        r.adminUnitCode(), now, r.dueAt(), r.handlingPointCode()));
                n++;
            }
        }
        reports.pruneSubmissions(now.minus(window).minus(Duration.ofHours(1)));
        return n;
    }

    /**
     * Reminds handling points of open reports whose deadline is less than {@code citygov.feedback.due-soon}
     * working hours away, once per report: publishes {@link ReportDueSoon}.
     */
    @Transactional
    public int remindDueSoon() {
        return remindDueSoon(clock.instant());
    }

    /** As {@link #remindDueSoon()} at the given time. */
    @Transactional
    public int remindDueSoon(Instant now) {
        Instant horizon = calendar.addWorkingHours(now, dueSoonHours);
        int n = 0;
        for (long id : reports.markDueSoon(now, horizon)) {
            ReportRow r = reports.find(id).orElseThrow();
            reports.history(r.id(), now, "system", "due-soon", r.state(), r.state(), null, true);
            events.publishEvent(new ReportDueSoon(r.id(), r.code(), r.categoryCode(), r.agencyCode(), r.adminUnitCode(),
                    now, r.dueAt(), r.handlingPointCode()));
            n++;
        }
        return n;
    }

    /**
     * The ladder's top step: open reports still overdue {@code citygov.feedback.escalation.city-after-days}
     * working days after their deadline are escalated to the city's coordinators, once per deadline (recorded
     * in feedback_escalation, so another job run or instance tells nobody again): publishes
     * {@link ReportEscalated} at level 3.
     */
    @Transactional
    public int escalateToCity(Instant now) {
        int n = 0;
        for (long id : escalations.candidates(CITY_LEVEL, now, 500)) {
            ReportRow r = reports.find(id).flatMap(found -> reports.lock(found.code())).orElse(null);
            if (r == null || !OPEN_STATES.contains(r.state()) || !r.overdue()) {
                continue;
            }
            // Oldest deadline first and the calendar only moves forward: the rest are not due either.
            if (calendar.addWorkingDays(r.dueAt(), cityAfterDays).isAfter(now)) {
                break;
            }
            if (escalations.record(r.id(), CITY_LEVEL, r.dueAt(), now)) {
                reports.history(r.id(), now, "system", "escalate", r.state(), r.state(), null, true);
                events.publishEvent(new ReportEscalated(r.id(), r.code(), r.categoryCode(), r.agencyCode(),
                        r.adminUnitCode(), now, r.dueAt(), r.handlingPointCode(), CITY_LEVEL));
                n++;
            }
        }
        return n;
    }

    static NotFoundException notFound(String code) {
        return new NotFoundException("report", code);
    }
}
