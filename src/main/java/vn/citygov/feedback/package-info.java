/**
 * Feedback: citizens' reports of incidents and problems in the city (Cổng 1022) — categories and routing as
 * data, handling by the handling points with deadlines on the working-day calendar, public answers and
 * ratings, the public map and statistics, the leaders' monitoring view, and Open311 GeoReport v2.
 *
 * <p>Who may do what:
 * <table>
 * <caption>Feedback permissions</caption>
 * <tr><th>action</th><th>needs</th></tr>
 * <tr><td>report, follow, see the public map, a report's public page and statistics</td><td>nobody (public; no personal data shown)</td></tr>
 * <tr><td>rate the answer</td><td>the reporter: their account, or the report's token given at submission</td></tr>
 * <tr><td>start, transfer, decline, answer, close</td><td>{@code feedback.handle} in the agency of the report's handling point</td></tr>
 * <tr><td>assign, re-route, merge duplicates</td><td>{@code feedback.coordinate} in that agency; unassigned and declined reports: city-wide</td></tr>
 * <tr><td>hide abusive content (kept, with the reason)</td><td>{@code feedback.moderate} in that agency or city-wide</td></tr>
 * <tr><td>monitoring dashboard and export</td><td>{@code feedback.monitor} (an agency's own reports, or the city)</td></tr>
 * <tr><td>submit through Open311</td><td>a valid, unrevoked API key from the identity module</td></tr>
 * </table>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Feedback",
        allowedDependencies = {"platform", "identity", "directory", "calendar", "files", "notification", "demo"})
package vn.citygov.feedback;
