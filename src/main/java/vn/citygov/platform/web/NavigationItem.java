package vn.citygov.platform.web;

/**
 * An entry of the main navigation, contributed as a bean by the module that owns the page, so the
 * menu shows only modules that exist.
 *
 * @param messageKey label, resolved in the visitor's language
 * @param permission needed to see the entry, or null for everyone (signed in or not, see {@code signedIn})
 */
public record NavigationItem(int order, String messageKey, String path, String permission, boolean signedIn) {

    public static NavigationItem open(int order, String messageKey, String path) {
        return new NavigationItem(order, messageKey, path, null, false);
    }

    /** Entries that need a permission are administration tools; the layout groups them in one menu. */
    public boolean administration() {
        return permission != null;
    }

    public static NavigationItem forPermission(int order, String messageKey, String path, String permission) {
        return new NavigationItem(order, messageKey, path, permission, true);
    }
}
