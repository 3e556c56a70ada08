package vn.citygov.directory.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.platform.text.TextFolding;

/**
 * Fills empty directory tables from the CSV files in {@code classpath:directory/}: the 168 units,
 * the city's agencies, and one People's Committee per unit. Runs in every mode, demo or not.
 */
@Component
public class ReferenceDataLoader {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);

    public static final String CITY_COMMITTEE = "ubnd-tphcm";
    /** Two-level local government (wards directly under the city) started on this day. */
    static final LocalDate TWO_LEVEL_START = LocalDate.of(2025, 7, 1);

    // Where each sourced agency sits: departments under the City People's Committee, and so on.
    private static final Map<String, String> PARENTS = Map.ofEntries(
            Map.entry("ttphvhcc", "van-phong-ubnd"),
            Map.entry("vp-doan-dbqh-hdnd", "hdnd-tphcm"),
            Map.entry("ban-ql-kcx-kcn", CITY_COMMITTEE));

    private final AdminUnitRepository units;
    private final AgencyRepository agencies;
    private final HistoryRepository history;

    ReferenceDataLoader(AdminUnitRepository units, AgencyRepository agencies, HistoryRepository history) {
        this.units = units;
        this.agencies = agencies;
        this.history = history;
    }

    /** Loads whatever is missing; safe to call more than once. */
    @Transactional
    public void ensureLoaded() {
        if (units.count() == 0) {
            List<Map<String, String>> rows = Csv.read("directory/admin-units-hcmc-2025.csv");
            rows.forEach(row -> units.insert(unit(row)));
            log.info("Loaded {} administrative units", rows.size());
        }
        if (agencies.count() == 0) {
            int added = 0;
            for (Map<String, String> row : Csv.read("directory/agencies-hcmc-sample.csv")) {
                added += add(agency(row)) ? 1 : 0;
            }
            for (var unit : units.findAll()) {
                added += add(new AgencyRepository.Row("ubnd-" + unit.code(), "Ủy ban nhân dân " + unit.name(),
                        unit.nameEn() + " People's Committee", "ward_committee", CITY_COMMITTEE, unit.code(),
                        null, null, null, null, TWO_LEVEL_START, null,
                        SearchText.agencyKey("ubnd-" + unit.code(), "Ủy ban nhân dân " + unit.name(),
                                unit.nameEn() + " People's Committee"))) ? 1 : 0;
            }
            log.info("Loaded {} agencies", added);
        }
    }

    private boolean add(AgencyRepository.Row row) {
        boolean added = agencies.insert(row);
        if (added) {
            history.record("agency", row.code(), "system", "created", null,
                    java.util.Collections.singletonMap("name", row.name()));
        }
        return added;
    }

    private static AgencyRepository.Row agency(Map<String, String> row) {
        String code = row.get("code");
        String kind = switch (row.get("kind")) {
            case "executive" -> "city_executive";
            case "council", "council_office" -> "council";
            case "specialised_agency" -> "department";
            case "public_service_unit" -> "public_service_centre";
            default -> "other";
        };
        String parent = PARENTS.get(code);
        if (parent == null && "department".equals(kind)) {
            parent = CITY_COMMITTEE;
        }
        String name = TextFolding.nfc(row.get("name"));
        String nameEn = TextFolding.nfc(row.get("name_en"));
        return new AgencyRepository.Row(code, name, nameEn, kind, parent, null, null, null, null, null, null,
                TextFolding.nfc(row.get("note")), SearchText.agencyKey(code, name, nameEn));
    }

    private static AdminUnitRepository.Row unit(Map<String, String> row) {
        String name = TextFolding.nfc(row.get("name"));
        String shortName = TextFolding.nfc(row.get("short_name"));
        String nameEn = TextFolding.nfc(row.get("name_en"));
        return new AdminUnitRepository.Row(row.get("code"), name, shortName, nameEn, row.get("type"),
                Integer.valueOf(row.get("official_order")), TextFolding.nfc(row.get("old_province")),
                decimal(row.get("label_lat")), decimal(row.get("label_lon")), decimal(row.get("bbox_min_lon")),
                decimal(row.get("bbox_min_lat")), decimal(row.get("bbox_max_lon")), decimal(row.get("bbox_max_lat")),
                decimal(row.get("area_km2")), row.get("merged_from_codes"), TextFolding.nfc(row.get("merged_from")),
                SearchText.key(name, shortName, nameEn, row.get("code")));
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
