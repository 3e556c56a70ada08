package vn.citygov.dossiers;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.calendar.WorkingDayCalendar;
import vn.citygov.directory.AgencyService;
import vn.citygov.dossiers.InvalidDossierException.Problem;
import vn.citygov.dossiers.Workflow.Actor;
import vn.citygov.dossiers.Workflow.Transition;
import vn.citygov.dossiers.internal.DossierNotifications;
import vn.citygov.dossiers.internal.DossierRepository;
import vn.citygov.dossiers.internal.DossierRepository.QueueFilter;
import vn.citygov.dossiers.internal.DossierRow;
import vn.citygov.dossiers.internal.HandlingPoints;
import vn.citygov.dossiers.internal.OnlineDocuments;
import vn.citygov.payments.Fee;
import vn.citygov.payments.FeeRules;
import vn.citygov.payments.FeeService;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CityGovUser.UserKind;
import vn.citygov.platform.security.CurrentUser;
import vn.citygov.procedures.FieldError;
import vn.citygov.procedures.FormValuesValidator;
import vn.citygov.procedures.Procedure;
import vn.citygov.procedures.ProcedureService;

/**
 * Submission, reception, processing and lookup of dossiers. Every access rule is checked here, whatever
 * the way in: applicants by ownership (another's dossier is 404), officials by permission in the
 * dossier's agency (outside it, 403).
 */
@Service
@Transactional(readOnly = true)
public class DossierService {

    public static final String RECEIVE = "dossier.receive";
    public static final String PROCESS = "dossier.process";
    public static final String APPROVE = "dossier.approve";
    static final List<String> PERMISSIONS = List.of(RECEIVE, PROCESS, APPROVE);
    public static final List<String> DELIVERIES = List.of("desk", "post", "electronic");
    public static final List<String> CHANNELS = List.of("online", "counter");

    /** "H29" is the city's prefix; the random tail makes codes hard to guess for the public lookup. */
    public static final Pattern CODE = Pattern.compile("^H29-[0-9]{6}-[0-9]{6,12}-[A-HJ-NP-Z2-9]{5}$");
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final Pattern ADMIN_UNIT = Pattern.compile("^[0-9]{5}$");
    private static final int MAX_TEXT = 500;
    private static final int MAX_COMMENT = 2000;
    private static final int MAX_ITEMS = 50;
    private static final int MAX_RATING_COMMENT = 1000;

    private final DossierRepository dossiers;
    private final ProcedureService procedures;
    private final FormValuesValidator forms;
    private final WorkingDayCalendar calendar;
    private final AgencyService agencies;
    private final FeeService fees;
    private final StepEngine stepEngine;
    private final OnlineDocuments onlineDocuments;
    private final HandlingPoints handlingPoints;
    private final ApplicationEventPublisher events;
    private final DossierNotifications notifications;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    DossierService(DossierRepository dossiers, ProcedureService procedures,
            FormValuesValidator forms, WorkingDayCalendar calendar, AgencyService agencies, FeeService fees,
            StepEngine stepEngine, OnlineDocuments onlineDocuments, HandlingPoints handlingPoints,
            ApplicationEventPublisher events, DossierNotifications notifications, Clock clock) {
        this.handlingPoints = handlingPoints;
        this.notifications = notifications;
        this.stepEngine = stepEngine;
        this.onlineDocuments = onlineDocuments;
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.forms = forms;
        this.calendar = calendar;
        this.agencies = agencies;
        this.fees = fees;
        this.events = events;
        this.clock = clock;
    }

    // ---- submission ----

    @Transactional
    public Dossier submit(NewDossier input) {
        return submit(input, List.of());
    }

    /**
     * Files a dossier. Online, every required upload must be among {@code input.documents()} or
     * {@code alreadyGiven} (the indexes of documents attached to the draft being submitted).
     */
    @Transactional
    public Dossier submit(NewDossier input, Collection<Integer> alreadyGiven) {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        if (input == null) {
            throw new InvalidInputException("body", "validation.required");
        }
        String channel = input.channel() == null || input.channel().isBlank() ? "online" : input.channel().strip();
        List<Problem> problems = new ArrayList<>();
        if (!CHANNELS.contains(channel)) {
            throw new InvalidDossierException(List.of(new Problem("channel", "dossiers.error.channel")));
        }
        boolean counter = "counter".equals(channel);
        // Online is for people applying for themselves; the counter is for desk staff anywhere in the city.
        if (counter ? !user.can(RECEIVE) : !(user.kind() == UserKind.CITIZEN || user.kind() == UserKind.BUSINESS)) {
            throw new ForbiddenException();
        }
        Procedure procedure = null;
        if (input.procedureCode() == null || input.procedureCode().isBlank()) {
            problems.add(new Problem("procedureCode", "validation.required"));
        } else {
            try {
                procedure = procedures.get(input.procedureCode().strip());
            } catch (NotFoundException e) {
                problems.add(new Problem("procedureCode", "dossiers.error.procedure-unknown"));
            }
        }
        if (procedure != null && !counter && "counter_only".equals(procedure.onlineLevel())) {
            problems.add(new Problem("procedureCode", "dossiers.error.counter-only"));
        }
        String applicantName = user.displayName();
        if (counter) {
            applicantName = clean(input.applicantName());
            if (applicantName == null) {
                problems.add(new Problem("applicantName", "validation.required"));
            } else if (applicantName.length() > MAX_TEXT) {
                problems.add(new Problem("applicantName", "dossiers.error.too-long"));
            }
        }
        String delivery = clean(input.delivery());
        String postalAddress = clean(input.postalAddress());
        if (delivery == null) {
            problems.add(new Problem("delivery", "validation.required"));
        } else if (!DELIVERIES.contains(delivery)) {
            problems.add(new Problem("delivery", "dossiers.error.delivery"));
        } else if ("post".equals(delivery) && postalAddress == null) {
            problems.add(new Problem("postalAddress", "dossiers.error.postal-address"));
        }
        if (postalAddress != null && postalAddress.length() > MAX_TEXT) {
            problems.add(new Problem("postalAddress", "dossiers.error.too-long"));
        }
        if (!"post".equals(delivery)) {
            postalAddress = null;
        }
        String agencyCode = null;
        String adminUnitCode = null;
        if (procedure != null) {
            if (procedure.ward()) {
                adminUnitCode = clean(input.adminUnitCode());
                if (adminUnitCode == null) {
                    problems.add(new Problem("adminUnitCode", "dossiers.error.admin-unit-required"));
                } else if (!ADMIN_UNIT.matcher(adminUnitCode).matches() || !agencies.exists("ubnd-" + adminUnitCode)) {
                    problems.add(new Problem("adminUnitCode", "dossiers.error.admin-unit"));
                } else {
                    agencyCode = "ubnd-" + adminUnitCode;
                }
            } else {
                agencyCode = procedure.agencyCode();
            }
            problems.addAll(formProblems(procedure, input.values()));
        }
        // The desk scans paper documents after filing; online the applicant gives them now.
        List<OnlineDocuments.Given> documents = procedure == null || counter ? List.of()
                : onlineDocuments.check(procedure, input.documents(), alreadyGiven, problems);
        if (!problems.isEmpty()) {
            throw new InvalidDossierException(problems);
        }
        Instant now = now();
        // The fee is the one in force on the city's calendar day of submission, kept with its reason.
        Fee fee = fees.feeFor(procedure.code(), channel, FeeRules.cityDay(now));
        DossierRow row = new DossierRow(0, null, procedure.code(), agencyCode, adminUnitCode,
                counter ? null : user.id(), applicantName, user.username(), channel, Workflow.SUBMITTED, null,
                input.values() == null ? Map.of() : input.values(), delivery, postalAddress,
                procedure.processingDays(), now, null, null, null, null, null, null, 0, now, fee.amountVnd(),
                fee.reason(), fee.reasonEn());
        long id = dossiers.insert(row, now, handlingPoints.deskOf(agencyCode));
        dossiers.insertHistory(id, now, user.username(), user.displayName(), "submit", null, Workflow.SUBMITTED, null);
        events.publishEvent(new DossierSubmitted(id, null, procedure.code(), agencyCode, "submit", null,
                Workflow.SUBMITTED, null, facts(row, now)));
        Dossier filed = view(row.inserted(id), user, null, List.of(new Dossier.HistoryEntry(now, user.username(),
                user.displayName(), "submit", null, Workflow.SUBMITTED, null)));
        onlineDocuments.attach(filed, documents);
        return filed;
    }

    private List<Problem> formProblems(Procedure procedure, Map<String, Object> values) {
        List<Problem> problems = new ArrayList<>();
        for (FieldError error : forms.check(procedure.form(), values == null ? Map.of() : values)) {
            problems.add(new Problem("values." + error.path(), error.messageKey()));
        }
        return problems;
    }

    // ---- reading ----

    public Dossier get(long id) {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        DossierRepository.Full f = readableFull(id, user);
        return view(f.row(), user, stepEngine.context(f), f.history());
    }

    /** Citizens: their own dossiers. Officials: the work queue of their agencies (all, for city-wide grants). */
    public PageResult<DossierSummary> list(String state, String agency, PageQuery page) {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        String st = state(state);
        if (!official(user)) {
            if (agency != null && !agency.isBlank()) {
                throw new InvalidInputException("agency", "dossiers.error.agency-filter");
            }
            long total = dossiers.countMine(user.id(), st);
            List<DossierRow> rows = total == 0 ? List.of() : dossiers.mine(user.id(), st, page.size(), page.offset());
            return PageResult.of(summaries(rows), total, page);
        }
        QueueFilter filter = queueFilter(user, agency, st);
        long total = dossiers.countQueue(filter);
        List<DossierRow> rows = total == 0 ? List.of() : dossiers.queue(filter, page.size(), page.offset());
        return PageResult.of(summaries(rows), total, page);
    }

    /** The number of dossiers in each state of the official's queue (zero states included). */
    public Map<String, Long> queueCounts(String agency) {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        if (!official(user)) {
            throw new ForbiddenException();
        }
        Map<String, Long> found = dossiers.countByState(queueFilter(user, agency, null));
        Map<String, Long> counts = new LinkedHashMap<>();
        Workflow.STATES.forEach(s -> counts.put(s, found.getOrDefault(s, 0L)));
        return counts;
    }

    /** Whether the current user may take this action on a dossier of that agency (for offering buttons). */
    public boolean mayTake(long id, String agencyCode, String action) {
        CityGovUser user = CurrentUser.get().orElse(null);
        return user != null && Workflow.TRANSITIONS.stream().filter(t -> t.action().equals(action))
                .anyMatch(t -> t.actor() == Actor.STEP ? PERMISSIONS.stream().anyMatch(p -> user.can(p, agencyCode))
                        : t.actor() != Actor.APPLICANT && user.can(t.actor().permission(), agencyCode));
    }

    /**
     * The fee the current user would be charged submitting today: at the counter for desk officials, online
     * for everyone else (as {@link #submit} decides the channel on the form).
     */
    public Fee feeToday(String procedureCode) {
        return fees.feeFor(procedureCode, receivesAtCounter() ? "counter" : "online", fees.today());
    }

    /** True when the current user may receive dossiers at the counter on a person's behalf. */
    public boolean receivesAtCounter() {
        return CurrentUser.get().map(u -> u.can(RECEIVE)).orElse(false);
    }

    /** True when the current user works on dossiers somewhere (has a queue). */
    public boolean hasQueue() {
        return CurrentUser.get().map(DossierService::official).orElse(false);
    }

    // ---- actions ----

    @Transactional
    public Dossier act(long id, DossierAction input) {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        DossierRepository.Full full = readableFull(id, user);
        DossierRow d = full.row();
        if (input == null) {
            throw new InvalidInputException("body", "validation.required");
        }
        String action = clean(input.action());
        if (action == null) {
            throw new InvalidInputException("action", "validation.required");
        }
        if (!Workflow.ACTIONS.contains(action)) {
            throw new InvalidInputException("action", "dossiers.error.action");
        }
        if (input.version() == null) {
            throw new InvalidInputException("version", "validation.required");
        }
        if (input.version() != d.version()) {
            throw DossierConflictException.stale();
        }
        Transition transition = Workflow.find(action, d.state())
                .orElseThrow(() -> DossierConflictException.illegal(action, d.state()));
        // Accepted dossiers follow their workflow's steps (StepEngine); older ones the fixed table alone.
        StepEngine.Context steps = stepEngine.context(full);
        StepEngine.Plan plan = null;
        if (steps != null) {
            plan = stepEngine.plan(steps, d, transition, user, input.assignee());
        } else if (Workflow.STEP_ONLY.contains(action)) {
            throw DossierConflictException.illegal(action, d.state());
        }
        if ((steps == null || transition.actor() == Actor.APPLICANT) && !mayTake(user, transition.actor(), d)) {
            throw new ForbiddenException();
        }
        String comment = clean(input.comment());
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment", "dossiers.error.too-long");
        }
        if ("return_step".equals(action) && comment == null) {
            throw new InvalidInputException("comment", "dossiers.error.return-reason-required");
        }
        Instant now = now();
        String to = plan != null && plan.move() != null ? plan.move().state()
                : Workflow.target(transition, d.resumeState());
        DossierRow next = switch (action) {
            case "accept" -> accepted(d, now);
            case "request_supplement" -> supplementRequested(d, input.items(), now);
            case "supplement" -> supplemented(d, to, input.values(), now);
            case "refuse", "stop" -> {
                if (comment == null) {
                    throw new InvalidInputException("comment", "refuse".equals(action)
                            ? "dossiers.error.reason-required" : "dossiers.error.stop-reason-required");
                }
                yield with(d, to, d.code(), d.resumeState(), d.values(), d.receivedAt(), d.dueAt(), d.pausedAt(),
                        d.supplementItems(), comment, now);
            }
            case "return_result", "withdraw" -> with(d, to, d.code(), d.resumeState(), d.values(), d.receivedAt(),
                    d.dueAt(), d.pausedAt(), d.supplementItems(), d.refusalReason(), now);
            default -> with(d, to, d.code(), d.resumeState(), d.values(), d.receivedAt(), d.dueAt(), d.pausedAt(),
                    d.supplementItems(), d.refusalReason(), null);
        };
        StepEngine.Outcome outcome = "accept".equals(action) ? stepEngine.begin(next, user, now)
                : plan != null ? stepEngine.apply(plan, d, next, user, now) : StepEngine.Outcome.unchanged(steps);
        // The dossier sits at the desk of the agency holding it now: its current step's, or the competent one.
        String holding = outcome.current() == null ? next.agencyCode() : outcome.current().agencyCode();
        String historyComment = "request_supplement".equals(action)
                ? joinItems(next.supplementItems(), comment) : comment;
        Dossier.HistoryEntry line = new Dossier.HistoryEntry(now, user.username(), user.displayName(), action,
                d.state(), to, historyComment);
        boolean valuesChanged = next.values() != d.values(); // only a supplement brings new values
        if (!dossiers.act(next, valuesChanged, now, outcome.position(), outcome.current(),
                handlingPoints.deskOf(holding), outcome.inserted(), outcome.updated(), line)) {
            throw DossierConflictException.stale();
        }
        DossierEvent event = event(action, next, d.state(), to, historyComment, facts(next, now));
        events.publishEvent(event);
        notifications.tell(event, next);
        List<Dossier.HistoryEntry> history = new ArrayList<>(full.history());
        history.add(line);
        // Ratings come only after the return: a dossier that was not rateable before this action has none to read.
        return view(next.saved(now), user, outcome.context(), history, Workflow.rateable(d.state()));
    }

    /**
     * The applicant rates the service, once, after the result is returned. Others who may not read the dossier
     * get 404 as for any read; officials who may read it get 403.
     */
    @Transactional
    public Dossier rate(long id, DossierRating input) {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        DossierRepository.Full full = readableFull(id, user);
        DossierRow d = full.row();
        if (!owner(user, d)) {
            throw new ForbiddenException();
        }
        if (input == null) {
            throw new InvalidInputException("body", "validation.required");
        }
        List<Problem> problems = new ArrayList<>();
        if (input.score() == null) {
            problems.add(new Problem("score", "validation.required"));
        } else if (input.score() < 1 || input.score() > 5) {
            problems.add(new Problem("score", "dossiers.error.rating-score"));
        }
        String comment = clean(input.comment());
        if (comment != null && comment.length() > MAX_RATING_COMMENT) {
            problems.add(new Problem("comment", "dossiers.error.rating-comment"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDossierException(problems);
        }
        if (!Workflow.rateable(d.state())) {
            throw new DossierConflictException("not-returned", "dossiers.error.rating-state",
                    new org.springframework.context.support.DefaultMessageSourceResolvable("dossiers.state." + d.state()));
        }
        if (!dossiers.insertRating(id, input.score(), comment, user.id(), clock.instant())) {
            throw new DossierConflictException("already-rated", "dossiers.error.already-rated");
        }
        events.publishEvent(new DossierRated(id, d.code(), d.procedureCode(), d.agencyCode(), input.score(),
                comment != null, facts(d, clock.instant())));
        return view(d, user, stepEngine.context(full), full.history());
    }

    private DossierRow accepted(DossierRow d, Instant now) {
        String code = newCode(now);
        Instant due = calendar.addWorkingDays(now, d.processingDays());
        return with(d, Workflow.ACCEPTED, code, null, d.values(), now, due, null, null, null, null);
    }

    private DossierRow supplementRequested(DossierRow d, List<String> items, Instant now) {
        List<String> cleaned = items == null ? List.of()
                : items.stream().map(DossierService::clean).filter(Objects::nonNull).toList();
        if (cleaned.isEmpty()) {
            throw new InvalidInputException("items", "dossiers.error.items-required");
        }
        if (cleaned.size() > MAX_ITEMS || cleaned.stream().anyMatch(i -> i.length() > MAX_TEXT)) {
            throw new InvalidInputException("items", "dossiers.error.items-too-many");
        }
        // The legal clock pauses only once it has started, i.e. after acceptance.
        Instant paused = Workflow.clockRunning(d.state()) ? now : null;
        return with(d, Workflow.SUPPLEMENT_REQUESTED, d.code(), d.state(), d.values(), d.receivedAt(), d.dueAt(),
                paused, cleaned, null, null);
    }

    private DossierRow supplemented(DossierRow d, String to, Map<String, Object> values, Instant now) {
        Map<String, Object> newValues = d.values();
        if (values != null) {
            Procedure procedure = procedures.get(d.procedureCode());
            List<Problem> problems = formProblems(procedure, values);
            if (!problems.isEmpty()) {
                throw new InvalidDossierException(problems);
            }
            newValues = values;
        }
        Instant due = Deadlines.afterPause(calendar, d.dueAt(), d.pausedAt(), now);
        return with(d, to, d.code(), null, newValues, d.receivedAt(), due, null, d.supplementItems(), null, null);
    }

    private static DossierRow with(DossierRow d, String state, String code, String resumeState,
            Map<String, Object> values, Instant receivedAt, Instant dueAt, Instant pausedAt, List<String> items,
            String refusalReason, Instant finishedAt) {
        return new DossierRow(d.id(), code, d.procedureCode(), d.agencyCode(), d.adminUnitCode(), d.applicantId(),
                d.applicantName(), d.submittedBy(), d.channel(), state, resumeState, values, d.delivery(),
                d.postalAddress(), d.processingDays(), d.submittedAt(), receivedAt, dueAt, pausedAt, items,
                refusalReason, finishedAt, d.version(), d.updatedAt(), d.feeVnd(), d.feeReason(), d.feeReasonEn());
    }

    private static DossierEvent event(String action, DossierRow d, String from, String to, String comment,
            DossierFacts facts) {
        return switch (action) {
            case "accept" -> new DossierAccepted(d.id(), d.code(), d.procedureCode(), d.agencyCode(), action, from, to,
                    comment, facts);
            case "request_supplement" -> new DossierSupplementRequested(d.id(), d.code(), d.procedureCode(),
                    d.agencyCode(), action, from, to, comment, facts);
            case "supplement" -> new DossierSupplemented(d.id(), d.code(), d.procedureCode(), d.agencyCode(), action,
                    from, to, comment, facts);
            case "refuse" -> new DossierRefused(d.id(), d.code(), d.procedureCode(), d.agencyCode(), action, from, to,
                    comment, facts);
            case "issue_result" -> new DossierResultIssued(d.id(), d.code(), d.procedureCode(), d.agencyCode(), action,
                    from, to, comment, facts);
            case "return_result" -> new DossierResultReturned(d.id(), d.code(), d.procedureCode(), d.agencyCode(),
                    action, from, to, comment, facts);
            case "withdraw" -> new DossierWithdrawn(d.id(), d.code(), d.procedureCode(), d.agencyCode(), action, from,
                    to, comment, facts);
            case "stop" -> new DossierStopped(d.id(), d.code(), d.procedureCode(), d.agencyCode(), action, from, to,
                    comment, facts);
            default -> new DossierStepDone(d.id(), d.code(), d.procedureCode(), d.agencyCode(), action, from, to,
                    comment, facts);
        };
    }

    private static String joinItems(List<String> items, String comment) {
        String list = "- " + String.join("\n- ", items);
        return comment == null ? list : comment + "\n" + list;
    }

    /** Dossier codes like H29-261123-000042-K7QXM: city prefix, acceptance day, sequence, random tail. */
    private String newCode(Instant now) {
        String day = now.atZone(calendar.zone()).format(DateTimeFormatter.ofPattern("yyMMdd"));
        StringBuilder tail = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            tail.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return "H29-%s-%06d-%s".formatted(day, dossiers.nextCodeNumber(), tail);
    }

    // ---- access ----

    private static boolean official(CityGovUser user) {
        return PERMISSIONS.stream().anyMatch(user::can);
    }

    private static boolean owner(CityGovUser user, DossierRow d) {
        return user.kind() != UserKind.MACHINE && d.applicantId() != null && d.applicantId() == user.id();
    }

    /**
     * The dossier, its steps and history if the user may see it: 404 for people who are not its applicant nor
     * officials; 403 for officials of agencies with no part in it.
     */
    private DossierRepository.Full readableFull(long id, CityGovUser user) {
        DossierRepository.Full f = dossiers.findFull(id).orElseThrow(() -> new NotFoundException("dossier", id));
        DossierRow d = f.row();
        if (owner(user, d) || PERMISSIONS.stream().anyMatch(p -> user.can(p, d.agencyCode()))
                || (official(user) && StepEngine.involves(user, f.steps()))) {
            return f;
        }
        if (official(user)) {
            throw new ForbiddenException();
        }
        throw new NotFoundException("dossier", id);
    }

    private static boolean mayTake(CityGovUser user, Actor actor, DossierRow d) {
        if (actor == Actor.APPLICANT) {
            // A counter applicant has no account: the desk acts on their behalf.
            return owner(user, d) || ("counter".equals(d.channel()) && user.can(RECEIVE, d.agencyCode()));
        }
        return user.can(actor.permission(), d.agencyCode());
    }

    private QueueFilter queueFilter(CityGovUser user, String agency, String state) {
        String a = clean(agency);
        if (a != null && !a.matches("[a-z0-9-]{1,64}")) {
            // Not an agency code (PostgreSQL cannot even compare text holding NUL): refuse it as input.
            throw new InvalidInputException("agency", "error.invalid-parameter", "agency");
        }
        boolean citywide = PERMISSIONS.stream().anyMatch(user::canCitywide);
        Set<String> scope = new java.util.TreeSet<>();
        for (CityGovUser.Grant g : user.grants()) {
            if (PERMISSIONS.contains(g.permission()) && g.agencyCode() != null) {
                scope.add(g.agencyCode());
            }
        }
        if (a != null && !citywide && !scope.contains(a)) {
            throw new ForbiddenException();
        }
        return new QueueFilter(citywide, scope, a, state);
    }

    private static String state(String state) {
        String s = clean(state);
        if (s != null && !Workflow.STATES.contains(s)) {
            throw new InvalidInputException("state", "dossiers.error.state");
        }
        return s;
    }

    // ---- views ----

    /** The dossier as the user sees it, from its row, its steps' context (null: no steps) and its history. */
    private Dossier view(DossierRow d, CityGovUser user, StepEngine.Context steps,
            List<Dossier.HistoryEntry> history) {
        return view(d, user, steps, history, true);
    }

    private Dossier view(DossierRow d, CityGovUser user, StepEngine.Context steps,
            List<Dossier.HistoryEntry> history, boolean mayBeRated) {
        Procedure procedure = procedures.get(d.procedureCode());
        List<String> actions = Workflow.from(d.state()).stream()
                .filter(t -> steps == null || t.actor() == Actor.APPLICANT
                        ? !Workflow.STEP_ONLY.contains(t.action()) && mayTake(user, t.actor(), d)
                        : stepEngine.permits(steps, d, t, user))
                .map(Transition::action).distinct().toList();
        // Only returned dossiers can have been rated.
        Dossier.Rating rating = mayBeRated && Workflow.rateable(d.state()) ? dossiers.rating(d.id()).orElse(null)
                : null;
        return new Dossier(d.id(), d.code(), d.procedureCode(), procedure.name(), procedure.nameEn(), d.agencyCode(),
                d.adminUnitCode(), d.applicantId(), d.applicantName(), d.submittedBy(), d.channel(), d.state(),
                d.values(), d.delivery(), d.postalAddress(), d.submittedAt(), d.receivedAt(), d.dueAt(), d.pausedAt(),
                d.supplementItems(), d.refusalReason(), d.finishedAt(), overdue(d), d.version(), actions,
                history, rating, rating == null && owner(user, d) && Workflow.rateable(d.state()),
                d.feeVnd(), d.feeReason(), d.feeReasonEn());
    }

    /** A page of rows as summaries, reading each procedure's name once per page rather than once per row. */
    private List<DossierSummary> summaries(List<DossierRow> rows) {
        Map<String, String> names = new java.util.HashMap<>();
        return rows.stream().map(d -> summary(d, names.computeIfAbsent(d.procedureCode(), this::procedureName)))
                .toList();
    }

    private String procedureName(String code) {
        try {
            boolean en = "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
            Procedure p = procedures.get(code);
            return en ? p.nameEn() : p.name();
        } catch (NotFoundException e) {
            return code;
        }
    }

    private DossierSummary summary(DossierRow d, String name) {
        return new DossierSummary(d.id(), d.code(), d.procedureCode(), name, d.agencyCode(), d.applicantName(),
                d.channel(), d.state(), d.submittedAt(), d.dueAt(), overdue(d), d.version());
    }

    private static DossierFacts facts(DossierRow d, Instant at) {
        return new DossierFacts(UUID.randomUUID(), at, d.adminUnitCode(), d.channel(), d.receivedAt(), d.dueAt(),
                d.finishedAt(), d.feeVnd());
    }

    private boolean overdue(DossierRow d) {
        return overdue(d.state(), d.dueAt(), d.pausedAt(), d.finishedAt());
    }

    private boolean overdue(String state, Instant dueAt, Instant pausedAt, Instant finishedAt) {
        return Deadlines.overdue(calendar, clock, state, dueAt, pausedAt, finishedAt);
    }

    /** The clock to the microsecond, as PostgreSQL keeps it: views built from memory match later reads. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static String clean(String text) {
        if (text == null) {
            return null;
        }
        String s = java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFC);
        return s.isEmpty() ? null : s;
    }
}
