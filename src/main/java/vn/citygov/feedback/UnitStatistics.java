package vn.citygov.feedback;

/**
 * Per admin unit: how many reports, how many answered, the share answered on time (percent, null when none
 * answered yet) and the average rating (null when none rated).
 */
public record UnitStatistics(String adminUnitCode, String adminUnitName, long total, long answered,
        Double onTimePercent, Double averageRating, long ratings) {
}
