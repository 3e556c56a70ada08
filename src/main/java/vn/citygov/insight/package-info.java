/**
 * Insight: the real-time service-quality index of Decision 766/QĐ-TTg per agency, admin unit and city,
 * the city's KPI targets, and the operations-centre (IOC) dashboard.
 *
 * <p>Insight only listens: each measured module's events are turned by one adapter per source into a
 * neutral {@link vn.citygov.insight.InsightFact} (event id, source, kind, agency, unit, time, measures),
 * kept in an insight-owned fact log and added to per-day and per-month counters. Nobody calls insight. It depends on
 * {@code dossiers} only to import that module's event records ({@code DossierEvent}, {@code DossierRated},
 * {@code DossierFacts}, {@code DossierAttachmentAdded}, {@code DossierResultSigned}, {@code DossierFeePaid}); it uses
 * none of its services. Dossiers with a fee and dossiers paid online are counted from those events. Facts no module
 * records yet (procedure publication, online-service availability, procedures with an online payment, periodic
 * reports…) are loaded by administrators through the API.
 *
 * <p>Who may do what:
 * <table>
 * <caption>Insight permissions</caption>
 * <tr><th>action</th><th>needs</th></tr>
 * <tr><td>read scores, rankings, targets, definitions; the transparency page and its exports</td><td>nobody (public aggregates)</td></tr>
 * <tr><td>the IOC dashboard and its live stream</td><td>{@code insight.view} somewhere</td></tr>
 * <tr><td>drill down from an agency's score to the dossiers and reports behind it</td><td>{@code insight.view} in that agency (or citywide)</td></tr>
 * <tr><td>drill down from the city's score</td><td>{@code insight.view} citywide</td></tr>
 * <tr><td>drill down from an admin unit's score</td><td>{@code insight.view} citywide (every agency's facts there), or in
 * agencies (only theirs)</td></tr>
 * <tr><td>load indicator definitions, facts and targets; run a full recompute (API and /admin/service-index)</td><td>{@code insight.manage} citywide</td></tr>
 * </table>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight",
        allowedDependencies = {"platform", "directory", "calendar", "dossiers", "feedback", "demo"})
package vn.citygov.insight;
