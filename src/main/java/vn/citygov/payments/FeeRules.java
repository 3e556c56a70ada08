package vn.citygov.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Picks the rule in force: kept apart from the database so the selection is tested on its own. */
public final class FeeRules {

    /** Fees follow the city's calendar day, not UTC's: a dossier filed at 00:30 on 1 January is a new-year one. */
    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private FeeRules() {
    }

    public static LocalDate cityDay(Instant instant) {
        return instant.atZone(CITY_ZONE).toLocalDate();
    }

    /**
     * The rule for that channel and day: a rule for the exact channel wins over an {@code any} rule, and
     * among equals (which validation prevents) the latest start wins.
     */
    public static Optional<FeeRule> select(List<FeeRule> rules, String procedureCode, String channel, LocalDate day) {
        Comparator<FeeRule> precedence = Comparator.<FeeRule>comparingInt(r -> r.channel().equals(channel) ? 1 : 0)
                .thenComparing(FeeRule::validFrom);
        return rules.stream()
                .filter(r -> r.procedureCode().equals(procedureCode))
                .filter(r -> r.channel().equals(channel) || r.channel().equals("any"))
                .filter(r -> r.inForceOn(day))
                .max(precedence);
    }

    /**
     * The fee for that channel and day: the selected rule's amount and reason, or the catalogue fee and its
     * note when no rule is in force.
     */
    public static Fee decide(Catalogue catalogue, List<FeeRule> rules, String channel, LocalDate day) {
        return select(rules, catalogue.procedureCode(), channel, day)
                .map(r -> new Fee(catalogue.procedureCode(), channel, day, r.amountVnd(), r.id(), r.reason(),
                        r.reasonEn()))
                .orElseGet(() -> new Fee(catalogue.procedureCode(), channel, day, catalogue.feeVnd(), null,
                        catalogue.note(), catalogue.noteEn()));
    }

    /** What the procedure catalogue says about the fee: the fallback when no rule applies. */
    public record Catalogue(String procedureCode, long feeVnd, String note, String noteEn) {
    }
}
