/**
 * Files: storage and checks for attachments (dossier documents, feedback photos, results). Every file is
 * sniffed from its bytes (PDF, JPEG or PNG only), capped in size, passed to a {@link VirusScanner} and kept
 * by a {@link FileStore}: the filesystem by default, an S3-compatible store later.
 *
 * <p>Who may do what:
 * <table>
 * <caption>Files permissions</caption>
 * <tr><th>action</th><th>needs</th></tr>
 * <tr><td>upload</td><td>a logged-in person (not an API key, for now)</td></tr>
 * <tr><td>read metadata, download, delete</td><td>the owner, or {@code files.manage} citywide (city administrators);
 * anyone else is told 404, so ids reveal nothing</td></tr>
 * </table>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Files", allowedDependencies = "platform")
package vn.citygov.files;
