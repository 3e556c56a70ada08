package vn.citygov.feedback.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.citygov.directory.AdminUnit;
import vn.citygov.directory.AdminUnitService;

/**
 * Where the city is. A point is in the city when it lies in the real outline of one of its wards and communes
 * ({@link CityOutline}: the 168 units of Ho Chi Minh City since 1 July 2025, Côn Đảo included), and that unit
 * is its unit; the sea between Vũng Tàu and Côn Đảo or a neighbouring province inside the city's box is not.
 * The map's bounds are the union of the directory's admin-unit bounding boxes. Should the directory hold units
 * the outline does not know (another province reusing CityGov), their boxes place points instead: the unit
 * whose box holds the point with the nearest label point.
 */
@Component
public class CityMap {

    private final AdminUnitService units;
    private final CityOutline outline;
    private volatile Loaded loaded;

    /** The directory's units as read once, by code, and whether the outline describes them. */
    private record Loaded(List<AdminUnit> all, Map<String, AdminUnit> byCode, boolean outlined) {
    }

    CityMap(AdminUnitService units) {
        this.units = units;
        this.outline = CityOutline.load();
    }

    private Loaded loaded() {
        Loaded l = loaded;
        if (l == null || l.all().isEmpty()) {
            List<AdminUnit> all = units.all();
            Map<String, AdminUnit> byCode = Map.copyOf(
                    all.stream().collect(Collectors.toMap(AdminUnit::code, Function.identity(), (a, b) -> a)));
            // The outline describes Ho Chi Minh City's units; another province's directory falls back to boxes.
            l = new Loaded(all, byCode, byCode.keySet().stream().anyMatch(outline::knows));
            loaded = l;
        }
        return l;
    }

    private List<AdminUnit> units() {
        return loaded().all();
    }

    /** [min lon, min lat, max lon, max lat] of the whole city. */
    public double[] bounds() {
        double[] b = {180, 90, -180, -90};
        for (AdminUnit u : units()) {
            if (u.bbox() == null || u.bbox().size() != 4) {
                continue;
            }
            b[0] = Math.min(b[0], u.bbox().get(0).doubleValue());
            b[1] = Math.min(b[1], u.bbox().get(1).doubleValue());
            b[2] = Math.max(b[2], u.bbox().get(2).doubleValue());
            b[3] = Math.max(b[3], u.bbox().get(3).doubleValue());
        }
        return b;
    }

    /** Whether the point lies in the city: in a unit's outline (within its tolerance), or a unit's box without one. */
    public boolean inside(double lat, double lon) {
        if (!Double.isFinite(lat) || !Double.isFinite(lon)) {
            return false;
        }
        if (loaded().outlined()) {
            return outline.contains(lat, lon);
        }
        double[] b = bounds();
        return lon >= b[0] && lat >= b[1] && lon <= b[2] && lat <= b[3];
    }

    /** The unit whose outline holds the point; without an outline, the nearest label point among the boxes. */
    public Optional<AdminUnit> unitAt(double lat, double lon) {
        Loaded l = loaded();
        if (l.outlined()) {
            Optional<AdminUnit> found = outline.unitAt(lat, lon).map(l.byCode()::get);
            if (found.isPresent()) {
                return found;
            }
        }
        AdminUnit best = null;
        double bestDistance = Double.MAX_VALUE;
        boolean bestInBox = false;
        for (AdminUnit u : units()) {
            if (u.labelLat() == null || u.labelLon() == null) {
                continue;
            }
            boolean inBox = inBox(u, lat, lon);
            double d = Math.pow(u.labelLat().doubleValue() - lat, 2)
                    + Math.pow((u.labelLon().doubleValue() - lon) * Math.cos(Math.toRadians(lat)), 2);
            if ((inBox && !bestInBox) || (inBox == bestInBox && d < bestDistance)) {
                best = u;
                bestDistance = d;
                bestInBox = inBox;
            }
        }
        return Optional.ofNullable(best);
    }

    public Optional<AdminUnit> unit(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(loaded().byCode().get(code));
    }

    public List<AdminUnit> all() {
        return units();
    }

    public Map<String, String> names() {
        return units().stream().collect(Collectors.toMap(AdminUnit::code, AdminUnit::name, (a, b) -> a));
    }

    public Map<String, AdminUnit> byCode() {
        return loaded().byCode();
    }

    private static boolean inBox(AdminUnit u, double lat, double lon) {
        List<BigDecimal> b = u.bbox();
        return b != null && b.size() == 4 && lon >= b.get(0).doubleValue() && lat >= b.get(1).doubleValue()
                && lon <= b.get(2).doubleValue() && lat <= b.get(3).doubleValue();
    }
}
