package vn.citygov.feedback;

/**
 * Category × admin unit → handling point. A rule without a unit applies to every unit without its own rule.
 * {@code agencyCode} is the handling point's agency (read-only).
 */
public record RoutingRule(Long id, String categoryCode, String adminUnitCode, String handlingPointCode, String agencyCode,
        Integer version) {
}
