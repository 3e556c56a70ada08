package vn.citygov.payments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.payments.internal.FeeRuleRepository;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;
import vn.citygov.platform.error.ConflictException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CurrentUser;
import vn.citygov.procedures.Procedure;
import vn.citygov.procedures.ProcedureService;

/**
 * The fee charged for a procedure: the rule in force on the day for the channel, else the catalogue fee.
 * Reading is public; rules are kept by holders of {@code payments.manage} citywide.
 */
@Service
public class FeeService {

    public static final String MANAGE = "payments.manage";
    private static final int MAX_REASON = 500;

    private final FeeRuleRepository rules;
    private final ProcedureService procedures;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FeeService(FeeRuleRepository rules, ProcedureService procedures, ApplicationEventPublisher events, Clock clock) {
        this.rules = rules;
        this.procedures = procedures;
        this.events = events;
        this.clock = clock;
    }

    /** Today in the city, the day a fee is decided on when none is given. */
    public LocalDate today() {
        return FeeRules.cityDay(clock.instant());
    }

    /** The fee in force; 404 for an unknown procedure, 400 for an unknown channel. */
    @Transactional(readOnly = true)
    public Fee feeFor(String procedureCode, String channel, LocalDate day) {
        if (channel == null || !List.of("online", "counter").contains(channel)) {
            throw new InvalidInputException("channel", "payments.error.channel");
        }
        Procedure procedure = procedures.get(procedureCode);
        LocalDate on = day == null ? today() : day;
        FeeRules.Catalogue catalogue = new FeeRules.Catalogue(procedure.code(), procedure.feeVnd(),
                procedure.feeNote(), procedure.feeNoteEn());
        return FeeRules.decide(catalogue, rules.forProcedure(procedure.code()), channel, on);
    }

    @Transactional(readOnly = true)
    public PageResult<FeeRule> list(String procedureCode, PageQuery page) {
        requireManage();
        long total = rules.count(procedureCode);
        List<FeeRule> items = total == 0 ? List.of() : rules.list(procedureCode, page.size(), page.offset());
        return PageResult.of(items, total, page);
    }

    @Transactional(readOnly = true)
    public FeeRule get(long id) {
        requireManage();
        return rules.find(id).orElseThrow(() -> new NotFoundException("fee-rule", id));
    }

    @Transactional
    public FeeRule create(FeeRuleInput input) {
        requireManage();
        FeeRuleInput in = checked(input);
        refuseOverlap(in, null);
        FeeRule created = rules.insert(in);
        events.publishEvent(new FeeRuleChanged(created, "created"));
        return created;
    }

    @Transactional
    public FeeRule update(long id, FeeRuleInput input) {
        requireManage();
        FeeRule current = rules.find(id).orElseThrow(() -> new NotFoundException("fee-rule", id));
        FeeRuleInput in = checked(input);
        if (in.version() == null) {
            throw new InvalidInputException("version", "validation.required");
        }
        if (in.version() != current.version()) {
            throw new ConflictException("error.stale-version");
        }
        refuseOverlap(in, id);
        FeeRule updated = rules.update(id, in).orElseThrow(() -> new ConflictException("error.stale-version"));
        events.publishEvent(new FeeRuleChanged(updated, "updated"));
        return updated;
    }

    @Transactional
    public void delete(long id) {
        requireManage();
        FeeRule current = rules.find(id).orElseThrow(() -> new NotFoundException("fee-rule", id));
        rules.delete(id);
        events.publishEvent(new FeeRuleChanged(current, "deleted"));
    }

    /** Two rules for the same procedure and channel on the same day would make the fee ambiguous. */
    private void refuseOverlap(FeeRuleInput in, Long exceptId) {
        // Serialises concurrent writers for one procedure, so two overlapping rules cannot both pass the check.
        rules.lockProcedure(in.procedureCode());
        boolean clash = rules.forProcedure(in.procedureCode()).stream()
                .filter(r -> exceptId == null || r.id() != exceptId)
                .filter(r -> r.channel().equals(in.channel()))
                .anyMatch(r -> r.overlaps(in.validFrom(), in.validTo()));
        if (clash) {
            throw new ConflictException("payments.error.rule-overlap");
        }
    }

    private FeeRuleInput checked(FeeRuleInput input) {
        if (input == null) {
            throw new InvalidInputException("procedureCode", "validation.required");
        }
        if (input.procedureCode() == null || input.procedureCode().isBlank()) {
            throw new InvalidInputException("procedureCode", "validation.required");
        }
        try {
            procedures.get(input.procedureCode().strip());
        } catch (NotFoundException e) {
            throw new InvalidInputException("procedureCode", "payments.error.unknown-procedure");
        }
        if (input.channel() == null || !FeeRule.CHANNELS.contains(input.channel())) {
            throw new InvalidInputException("channel", "payments.error.rule-channel");
        }
        if (input.amountVnd() == null) {
            throw new InvalidInputException("amountVnd", "validation.required");
        }
        if (input.amountVnd() < 0) {
            throw new InvalidInputException("amountVnd", "payments.error.amount");
        }
        if (input.validFrom() == null) {
            throw new InvalidInputException("validFrom", "validation.required");
        }
        if (input.validTo() != null && input.validTo().isBefore(input.validFrom())) {
            throw new InvalidInputException("validTo", "payments.error.period");
        }
        String reason = text(input.reason(), "reason");
        String reasonEn = text(input.reasonEn(), "reasonEn");
        return new FeeRuleInput(input.procedureCode().strip(), input.channel(), input.amountVnd(), input.validFrom(),
                input.validTo(), reason, reasonEn, input.version());
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "validation.required");
        }
        String stripped = java.text.Normalizer.normalize(value.strip(), java.text.Normalizer.Form.NFC);
        if (stripped.length() > MAX_REASON) {
            throw new InvalidInputException(field, "payments.error.reason-length", MAX_REASON);
        }
        return stripped;
    }

    private static void requireManage() {
        if (!CurrentUser.get().map(u -> u.canCitywide(MANAGE)).orElse(false)) {
            throw new vn.citygov.platform.error.ForbiddenException();
        }
    }
}
