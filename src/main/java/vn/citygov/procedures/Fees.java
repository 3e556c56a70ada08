package vn.citygov.procedures;

/** Formats VND amounts with Vietnamese digit grouping, whatever the page language: money stays in VND. */
public final class Fees {

    private Fees() {
    }

    /** "50.000 ₫" for 50000; null for 0 (the page says "free" in its own language). */
    public static String format(long vnd) {
        if (vnd <= 0) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "%,d", vnd).replace(',', '.') + " ₫";
    }
}
