package vn.citygov.feedback;

/**
 * Figures of a group of reports (a category, a unit, a month or all): how many, how many still open and
 * overdue, the share answered on time (percent), the average handling time in hours and the average rating.
 */
public record Figures(String key, long total, long open, long overdue, Double onTimePercent,
        Double averageHandlingHours, Double averageRating) {
}
