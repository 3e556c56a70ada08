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
 * Where the city is. Its bounds are the union of the directory's admin-unit bounding boxes (the 168 units of
 * Ho Chi Minh City since 1 July 2025, Côn Đảo included), so they follow the reference data instead of a
 * constant. A point's unit is the unit whose box holds it with the nearest label point, else the nearest.
 */
@Component
public class CityMap {

    private final AdminUnitService units;
    private volatile List<AdminUnit> cached;

    CityMap(AdminUnitService units) {
        this.units = units;
    }

    private List<AdminUnit> units() {
        List<AdminUnit> all = cached;
        if (all == null || all.isEmpty()) {
            all = units.all();
            cached = all;
        }
        return all;
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

    public boolean inside(double lat, double lon) {
        double[] b = bounds();
        return lon >= b[0] && lat >= b[1] && lon <= b[2] && lat <= b[3];
    }

    public Optional<AdminUnit> unitAt(double lat, double lon) {
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
        return units().stream().filter(u -> u.code().equals(code)).findFirst();
    }

    public List<AdminUnit> all() {
        return units();
    }

    public Map<String, String> names() {
        return units().stream().collect(Collectors.toMap(AdminUnit::code, AdminUnit::name, (a, b) -> a));
    }

    public Map<String, AdminUnit> byCode() {
        return units().stream().collect(Collectors.toMap(AdminUnit::code, Function.identity(), (a, b) -> a));
    }

    private static boolean inBox(AdminUnit u, double lat, double lon) {
        List<BigDecimal> b = u.bbox();
        return b != null && b.size() == 4 && lon >= b.get(0).doubleValue() && lat >= b.get(1).doubleValue()
                && lon <= b.get(2).doubleValue() && lat <= b.get(3).doubleValue();
    }
}
