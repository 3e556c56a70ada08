/**
 * Procedures: the catalogue of administrative procedures (thủ tục hành chính) the city handles, with
 * their fields, competent agencies, fees, required documents, steps and e-form schemas. The e-form
 * validators in this root package are the public API the dossier module will use to check submissions.
 *
 * <p>Who may do what:
 * <table>
 * <caption>Procedures permissions</caption>
 * <tr><th>action</th><th>needs</th></tr>
 * <tr><td>search and read procedures and fields</td><td>nobody (public)</td></tr>
 * <tr><td>create, update, import and export procedures</td><td>{@code procedures.manage} citywide</td></tr>
 * </table>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Procedures", allowedDependencies = {"platform", "directory"})
package vn.citygov.procedures;
