package vn.citygov.demo;

/** How much demo data to load: small for trying it out, larger for benchmarks. */
public enum DemoSize {
    SMALL(2, 100), MEDIUM(10, 5_000), LARGE(40, 100_000);

    private final int officialsPerWard;
    private final int citizens;

    DemoSize(int officialsPerWard, int citizens) {
        this.officialsPerWard = officialsPerWard;
        this.citizens = citizens;
    }

    public int officialsPerWard() {
        return officialsPerWard;
    }

    public int citizens() {
        return citizens;
    }

    public static DemoSize parse(String value) {
        return switch (value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "medium" -> MEDIUM;
            case "large" -> LARGE;
            default -> SMALL;
        };
    }
}
