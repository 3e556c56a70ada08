/**
 * Dossiers: applications for administrative procedures, from submission online or at the counter
 * through desk reception, processing and approval to the returned result, with history, legal
 * deadlines on the working-day calendar and a public status lookup by dossier code.
 *
 * <p>Who may do what:
 * <table>
 * <caption>Dossier permissions</caption>
 * <tr><th>action</th><th>needs</th></tr>
 * <tr><td>submit online, see, withdraw and supplement own dossiers</td><td>a signed-in citizen or business (ownership)</td></tr>
 * <tr><td>submit at the counter on a person's behalf</td><td>{@code dossier.receive} somewhere (the dossier goes to the competent agency)</td></tr>
 * <tr><td>accept, request supplement, refuse at reception, return the result</td><td>{@code dossier.receive} in the dossier's agency</td></tr>
 * <tr><td>start processing, request supplement during processing, issue the result</td><td>{@code dossier.process} in the dossier's agency</td></tr>
 * <tr><td>approve, refuse during processing</td><td>{@code dossier.approve} in the dossier's agency</td></tr>
 * <tr><td>look up the status by dossier code</td><td>nobody (public, no personal data)</td></tr>
 * </table>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dossiers",
        allowedDependencies = {"platform", "procedures", "calendar", "directory", "payments", "notification", "files",
                "identity"})
package vn.citygov.dossiers;
