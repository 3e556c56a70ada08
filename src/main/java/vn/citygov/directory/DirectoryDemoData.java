package vn.citygov.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.directory.internal.AgencyRepository;
import vn.citygov.directory.internal.HandlingPointRepository;
import vn.citygov.directory.internal.HistoryRepository;
import vn.citygov.directory.internal.ReferenceDataLoader;
import vn.citygov.directory.internal.SearchText;

/**
 * Invented handling points for demonstrations: a one-stop desk (Bộ phận Một cửa) for every ward
 * People's Committee and reception points for the departments. Deterministic, and safe to run again:
 * existing codes are left alone.
 */
@Component
public class DirectoryDemoData {

    private final ReferenceDataLoader reference;
    private final AgencyRepository agencies;
    private final HandlingPointRepository points;
    private final HistoryRepository history;

    DirectoryDemoData(ReferenceDataLoader reference, AgencyRepository agencies, HandlingPointRepository points,
            HistoryRepository history) {
        this.reference = reference;
        this.agencies = agencies;
        this.points = points;
        this.history = history;
    }

    /**
     * Adds the demo handling points for a size: small (a desk per ward and per department), medium
     * (also a citizen-reception office per department), large (also a feedback point per ward).
     *
     * @param size small, medium or large ({@code citygov.demo.size})
     * @return how many handling points were added
     */
    @Transactional
    public int load(String size) {
        reference.ensureLoaded();
        int level = switch (size == null ? "small" : size.toLowerCase(Locale.ROOT)) {
            case "large" -> 3;
            case "medium" -> 2;
            default -> 1;
        };
        List<HandlingPointRepository.Row> rows = new ArrayList<>();
        for (AgencySummary agency : agencies.allActive()) {
            switch (agency.kind()) {
                case "ward_committee" -> {
                    String unitName = agency.name().replaceFirst("^Ủy ban nhân dân ", "");
                    String unitNameEn = agency.nameEn() == null ? agency.code()
                            : agency.nameEn().replaceFirst(" People's Committee$", "");
                    rows.add(row("mot-cua-" + agency.adminUnitCode(), agency, "Bộ phận Một cửa " + unitName,
                            "One-stop desk, " + unitNameEn, "Trụ sở " + agency.name(), List.of("dossier", "feedback")));
                    if (level >= 3) {
                        rows.add(row("phan-anh-" + agency.adminUnitCode(), agency, "Tổ tiếp nhận phản ánh " + unitName,
                                "Feedback desk, " + unitNameEn, "Trụ sở " + agency.name(), List.of("feedback")));
                    }
                }
                case "department", "public_service_centre" -> {
                    rows.add(row(agency.code() + "-mot-cua", agency, "Bộ phận Một cửa - " + agency.name(),
                            "One-stop desk, " + agency.nameEn(), null, List.of("dossier")));
                    if (level >= 2) {
                        rows.add(row(agency.code() + "-tiep-dan", agency, "Phòng Tiếp công dân - " + agency.name(),
                                "Citizen reception office, " + agency.nameEn(), null, List.of("feedback", "complaint")));
                    }
                }
                default -> {
                    // The city executive, councils and outside bodies get no demo desks.
                }
            }
        }
        int added = 0;
        for (HandlingPointRepository.Row row : rows) {
            if (points.insert(row)) {
                history.record("handling_point", row.code(), "system", "created", null,
                        java.util.Map.of("name", row.name(), "agencyCode", row.agencyCode()));
                added++;
            }
        }
        return added;
    }

    /** Agency codes of the ward, commune and special-zone People's Committees, e.g. for placing demo officials. */
    @Transactional(readOnly = true)
    public List<String> wardCommittees() {
        reference.ensureLoaded();
        return agencies.allActive().stream().filter(a -> "ward_committee".equals(a.kind())).map(AgencySummary::code)
                .toList();
    }

    private static HandlingPointRepository.Row row(String code, AgencySummary agency, String name, String nameEn,
            String address, List<String> workKinds) {
        return new HandlingPointRepository.Row(code, agency.code(), name, nameEn, address, agency.adminUnitCode(), null,
                null, workKinds, true, SearchText.key(name, nameEn, code));
    }
}
