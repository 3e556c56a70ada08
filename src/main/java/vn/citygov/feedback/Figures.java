package vn.citygov.feedback;

/**
 * Figures of a group of reports (a category, a unit, a month, an agency or all): how many, how many still open
 * and overdue, the share answered on time (percent), the average handling time in hours and the average rating;
 * {@code name} is what people call the group (the category's or unit's name, the agency's), null where the key
 * says it (a month, all).
 */
public record Figures(String key, long total, long open, long overdue, Double onTimePercent,
        Double averageHandlingHours, Double averageRating, String name) {

    public Figures named(String newName) {
        return new Figures(key, total, open, overdue, onTimePercent, averageHandlingHours, averageRating, newName);
    }
}
