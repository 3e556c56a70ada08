package vn.citygov.feedback.internal;

import java.time.Instant;
import java.util.UUID;

/** A row of feedback_report. */
public record ReportRow(long id, String code, UUID token, String categoryCode, String title, String description,
        double lat, double lon, String address, String adminUnitCode, String handlingPointCode, String agencyCode,
        String state, String channel, Long reporterId, String contactName, String contactEmail, String contactPhone,
        boolean isPublic, boolean hidden, String hiddenReason, Long mergedInto, Instant submittedAt, Instant dueAt,
        Instant answeredAt, Instant closedAt, String answer, boolean overdue, boolean reopened, Integer rating,
        Instant ratedAt, int version) {

    /** A copy to change: only the columns that handling changes (the update writes exactly those). */
    public Change change() {
        return new Change(this);
    }

    /** The changeable columns of a report, set one by one, then {@link #done()}. */
    public static final class Change {

        private final ReportRow r;
        private String handlingPointCode;
        private String agencyCode;
        private String state;
        private boolean hidden;
        private String hiddenReason;
        private Long mergedInto;
        private Instant dueAt;
        private Instant answeredAt;
        private Instant closedAt;
        private String answer;
        private boolean overdue;
        private boolean reopened;
        private Integer rating;
        private Instant ratedAt;

        private Change(ReportRow r) {
            this.r = r;
            handlingPointCode = r.handlingPointCode;
            agencyCode = r.agencyCode;
            state = r.state;
            hidden = r.hidden;
            hiddenReason = r.hiddenReason;
            mergedInto = r.mergedInto;
            dueAt = r.dueAt;
            answeredAt = r.answeredAt;
            closedAt = r.closedAt;
            answer = r.answer;
            overdue = r.overdue;
            reopened = r.reopened;
            rating = r.rating;
            ratedAt = r.ratedAt;
        }

        public Change point(String point, String agency) {
            handlingPointCode = point;
            agencyCode = agency;
            return this;
        }

        public Change state(String value) {
            state = value;
            return this;
        }

        public Change hidden(String reason) {
            hidden = true;
            hiddenReason = reason;
            return this;
        }

        public Change mergedInto(long id) {
            mergedInto = id;
            return this;
        }

        public Change dueAt(Instant value) {
            dueAt = value;
            return this;
        }

        public Change answered(Instant at, String text) {
            answeredAt = at;
            answer = text;
            return this;
        }

        public Change closedAt(Instant value) {
            closedAt = value;
            return this;
        }

        public Change overdue(boolean value) {
            overdue = value;
            return this;
        }

        public Change reopened(boolean value) {
            reopened = value;
            return this;
        }

        public Change rated(int score, Instant at) {
            rating = score;
            ratedAt = at;
            return this;
        }

        public ReportRow done() {
            return new ReportRow(r.id, r.code, r.token, r.categoryCode, r.title, r.description, r.lat, r.lon, r.address,
                    r.adminUnitCode, handlingPointCode, agencyCode, state, r.channel, r.reporterId, r.contactName,
                    r.contactEmail, r.contactPhone, r.isPublic, hidden, hiddenReason, mergedInto, r.submittedAt, dueAt,
                    answeredAt, closedAt, answer, overdue, reopened, rating, ratedAt, r.version);
        }
    }

    public boolean open() {
        return switch (state) {
            case "received", "assigned", "in_progress", "declined" -> true;
            default -> false;
        };
    }
}
