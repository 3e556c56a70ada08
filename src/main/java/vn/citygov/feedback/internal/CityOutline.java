package vn.citygov.feedback.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real outline of the city: the boundaries of its 168 wards and communes (classpath
 * {@code feedback/admin-units-hcmc-2025.geojson}, see SOURCES.md there), read once into plain coordinate arrays
 * with a bounding box per ring, so a point is placed with a few box tests and one or two ray casts. The outlines
 * are simplified to about 20 m, so a point within {@link #TOLERANCE_METRES} of a unit (a sliver between two
 * simplified neighbours, a pin dropped on the shore) still counts as that unit's.
 */
public final class CityOutline {

    /** How far outside every outline a point may lie and still count as the nearest unit's. */
    public static final double TOLERANCE_METRES = 100;
    private static final String RESOURCE = "/feedback/admin-units-hcmc-2025.geojson";
    private static final double METRES_PER_DEGREE = 111_320;

    /** One closed ring: x = longitude, y = latitude, with its box. */
    private record Ring(double[] x, double[] y, double minX, double minY, double maxX, double maxY) {

        boolean boxHolds(double px, double py, double marginX, double marginY) {
            return px >= minX - marginX && px <= maxX + marginX && py >= minY - marginY && py <= maxY + marginY;
        }

        /** Even-odd ray cast to the east. */
        boolean holds(double px, double py) {
            boolean in = false;
            for (int i = 0, j = x.length - 1; i < x.length; j = i++) {
                if ((y[i] > py) != (y[j] > py) && px < (x[j] - x[i]) * (py - y[i]) / (y[j] - y[i]) + x[i]) {
                    in = !in;
                }
            }
            return in;
        }

        /** Squared distance in metres to the nearest edge, longitudes scaled by {@code kx} metres per degree. */
        double distance2(double px, double py, double kx) {
            double best = Double.MAX_VALUE;
            for (int i = 0, j = x.length - 1; i < x.length; j = i++) {
                double ax = (x[j] - px) * kx;
                double ay = (y[j] - py) * METRES_PER_DEGREE;
                double bx = (x[i] - px) * kx;
                double by = (y[i] - py) * METRES_PER_DEGREE;
                double dx = bx - ax;
                double dy = by - ay;
                double len2 = dx * dx + dy * dy;
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
                double cx = ax + t * dx;
                double cy = ay + t * dy;
                best = Math.min(best, cx * cx + cy * cy);
            }
            return best;
        }
    }

    /** A polygon: its outer ring and holes. */
    private record Polygon(Ring outer, List<Ring> holes) {

        boolean holds(double px, double py) {
            if (!outer.boxHolds(px, py, 0, 0) || !outer.holds(px, py)) {
                return false;
            }
            for (Ring hole : holes) {
                if (hole.boxHolds(px, py, 0, 0) && hole.holds(px, py)) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Unit(String code, List<Polygon> polygons) {
    }

    private final List<Unit> units;
    private final double[] bounds;
    private final java.util.Set<String> codes;

    private CityOutline(List<Unit> units) {
        this.units = units;
        this.codes = units.stream().map(Unit::code).collect(java.util.stream.Collectors.toUnmodifiableSet());
        double[] b = {180, 90, -180, -90};
        for (Unit u : units) {
            for (Polygon p : u.polygons()) {
                b[0] = Math.min(b[0], p.outer().minX());
                b[1] = Math.min(b[1], p.outer().minY());
                b[2] = Math.max(b[2], p.outer().maxX());
                b[3] = Math.max(b[3], p.outer().maxY());
            }
        }
        this.bounds = b;
    }

    /** The outline shipped with CityGov. */
    public static CityOutline load() {
        try (InputStream in = CityOutline.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return parse(JsonMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GeoJSON FeatureCollection of Polygon or MultiPolygon features with a {@code code} property. */
    static CityOutline parse(JsonNode collection) {
        List<Unit> units = new ArrayList<>();
        for (JsonNode feature : collection.path("features")) {
            String code = feature.path("properties").path("code").asString();
            JsonNode geometry = feature.path("geometry");
            JsonNode coordinates = geometry.path("coordinates");
            List<Polygon> polygons = new ArrayList<>();
            if ("Polygon".equals(geometry.path("type").asString())) {
                polygons.add(polygon(coordinates));
            } else {
                for (JsonNode p : coordinates) {
                    polygons.add(polygon(p));
                }
            }
            units.add(new Unit(code, List.copyOf(polygons)));
        }
        return new CityOutline(List.copyOf(units));
    }

    private static Polygon polygon(JsonNode rings) {
        Ring outer = null;
        List<Ring> holes = new ArrayList<>();
        for (JsonNode r : rings) {
            Ring ring = ring(r);
            if (outer == null) {
                outer = ring;
            } else {
                holes.add(ring);
            }
        }
        return new Polygon(outer, List.copyOf(holes));
    }

    private static Ring ring(JsonNode points) {
        int n = points.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double minX = 180;
        double minY = 90;
        double maxX = -180;
        double maxY = -90;
        for (int i = 0; i < n; i++) {
            x[i] = points.get(i).get(0).asDouble();
            y[i] = points.get(i).get(1).asDouble();
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
            minY = Math.min(minY, y[i]);
            maxY = Math.max(maxY, y[i]);
        }
        return new Ring(x, y, minX, minY, maxX, maxY);
    }

    /** [min lon, min lat, max lon, max lat] of all the outlines. */
    public double[] bounds() {
        return bounds.clone();
    }

    /** Whether the outline has this unit. */
    public boolean knows(String code) {
        return codes.contains(code);
    }

    /**
     * The code of the unit holding the point, else of the nearest unit within {@link #TOLERANCE_METRES}; empty
     * outside the city.
     */
    public Optional<String> unitAt(double lat, double lon) {
        if (!Double.isFinite(lat) || !Double.isFinite(lon)) {
            return Optional.empty();
        }
        for (Unit u : units) {
            for (Polygon p : u.polygons()) {
                if (p.holds(lon, lat)) {
                    return Optional.of(u.code());
                }
            }
        }
        double kx = METRES_PER_DEGREE * Math.cos(Math.toRadians(lat));
        double marginY = TOLERANCE_METRES / METRES_PER_DEGREE;
        double marginX = kx <= 0 ? 180 : TOLERANCE_METRES / kx;
        String nearest = null;
        double best = TOLERANCE_METRES * TOLERANCE_METRES;
        for (Unit u : units) {
            for (Polygon p : u.polygons()) {
                if (!p.outer().boxHolds(lon, lat, marginX, marginY)) {
                    continue;
                }
                double d = p.outer().distance2(lon, lat, kx);
                if (d <= best) {
                    best = d;
                    nearest = u.code();
                }
            }
        }
        return Optional.ofNullable(nearest);
    }

    /** Whether the point lies in the city (within the tolerance of its outline). */
    public boolean contains(double lat, double lon) {
        return unitAt(lat, lon).isPresent();
    }
}
