package vn.citygov.payments;

import java.time.LocalDate;
import java.util.List;

/**
 * A fee decided by the city for one procedure over a period, e.g. free when filed online until the end of
 * 2025. {@code validTo} is inclusive and null when open-ended.
 *
 * @param channel one of {@link #CHANNELS}; {@code any} applies to both ways of filing
 */
public record FeeRule(long id, String procedureCode, String channel, long amountVnd, LocalDate validFrom,
        LocalDate validTo, String reason, String reasonEn, int version) {

    public static final List<String> CHANNELS = List.of("online", "counter", "any");

    /** Whether the rule is in force on that day (both ends included). */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** Whether both periods share at least one day. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        boolean startsBeforeOtherEnds = to == null || !validFrom.isAfter(to);
        boolean endsAfterOtherStarts = validTo == null || !validTo.isBefore(from);
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }
}
