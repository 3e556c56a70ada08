/**
 * Directory: the city's administrative units (wards, communes, the special zone), its agencies with
 * their hierarchy and history, and the handling points that receive dossiers and feedback. A
 * reference module: it depends only on the platform, and other modules look agencies up here.
 *
 * <p>Who may do what (checked in the services, whatever the way in):
 * <table>
 * <caption>Directory permissions</caption>
 * <tr><th>action</th><th>needs</th></tr>
 * <tr><td>read units, agencies, active handling points, history</td><td>nobody (public)</td></tr>
 * <tr><td>see paused handling points</td><td>{@code directory.view-internal}</td></tr>
 * <tr><td>edit an agency's names and contacts</td><td>{@code directory.edit} for that agency (or citywide)</td></tr>
 * <tr><td>change an agency's kind, parent or unit</td><td>{@code directory.create} citywide</td></tr>
 * <tr><td>create or merge agencies</td><td>{@code directory.create} citywide</td></tr>
 * <tr><td>add or edit handling points</td><td>{@code directory.edit} for their agency</td></tr>
 * </table>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory", allowedDependencies = "platform")
package vn.citygov.directory;
