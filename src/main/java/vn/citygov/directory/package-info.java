/**
 * Directory: the city's administrative units (wards, communes, the special zone), its agencies with
 * their hierarchy and history, and the handling points that receive dossiers and feedback. A
 * reference module: it depends only on the platform, and other modules look agencies up here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory", allowedDependencies = "platform")
package vn.citygov.directory;
