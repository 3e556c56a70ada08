package vn.citygov.directory;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.directory.internal.AdminUnitRepository;
import vn.citygov.directory.internal.SearchText;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.error.NotFoundException;

/** Looks up the city's wards, communes and special zone. Reference data: read-only at run time. */
@Service
@Transactional(readOnly = true)
public class AdminUnitService {

    private final AdminUnitRepository units;

    AdminUnitService(AdminUnitRepository units) {
        this.units = units;
    }

    /** Accent- and case-insensitive search by name, short name, English name or code. */
    public PageResult<AdminUnit> search(String q, String type, PageQuery page) {
        if (type != null && !type.isBlank() && !AdminUnit.TYPES.contains(type)) {
            throw new InvalidInputException("type", "directory.validation.unit-type");
        }
        String folded = SearchText.query(q);
        String typeFilter = type == null ? "" : type.strip();
        // Exact words first; only when they find nothing, look for similar spellings.
        boolean fuzzy = false;
        long total = units.count(folded, false, typeFilter);
        if (total == 0 && !folded.isEmpty()) {
            fuzzy = true;
            total = units.count(folded, true, typeFilter);
        }
        return PageResult.of(units.search(folded, fuzzy, typeFilter, page.size(), page.offset()), total, page);
    }

    public AdminUnit get(String code) {
        if (!Codes.isUnitCode(code)) {
            throw new NotFoundException("admin-unit", code);
        }
        return units.find(code).orElseThrow(() -> new NotFoundException("admin-unit", code));
    }

    public boolean exists(String code) {
        return Codes.isUnitCode(code) && units.find(code).isPresent();
    }

    /** All units in Vietnamese alphabetical order, for pick lists. */
    public List<AdminUnit> all() {
        return units.findAll();
    }
}
