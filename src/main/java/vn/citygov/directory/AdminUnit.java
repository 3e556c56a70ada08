package vn.citygov.directory;

import java.math.BigDecimal;
import java.util.List;

/**
 * A ward (phường), commune (xã) or special zone (đặc khu) of the city since 1 July 2025.
 *
 * @param code the 5-digit national code
 * @param type phuong, xa or dac_khu
 * @param labelLat latitude of a point inside the unit, for map pins
 * @param bbox bounding box as [min lon, min lat, max lon, max lat]
 * @param mergedFrom the former units it was made from, as published
 */
public record AdminUnit(String code, String name, String shortName, String nameEn, String type,
        Integer officialOrder, String oldProvince, BigDecimal labelLat, BigDecimal labelLon, List<BigDecimal> bbox,
        BigDecimal areaKm2, String mergedFrom) {

    public static final List<String> TYPES = List.of("phuong", "xa", "dac_khu");

    /** The former units, one per entry. */
    public List<String> mergedFromList() {
        return mergedFrom == null || mergedFrom.isBlank() ? List.of() : List.of(mergedFrom.split("\\|"));
    }
}
