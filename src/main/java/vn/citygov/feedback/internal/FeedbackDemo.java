package vn.citygov.feedback.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.citygov.demo.DemoContributor;
import vn.citygov.demo.DemoSize;
import vn.citygov.directory.AgencyService;
import vn.citygov.directory.AgencySummary;
import vn.citygov.feedback.Category;
import vn.citygov.feedback.CategoryAttribute;
import vn.citygov.feedback.CategoryAttributes;

/**
 * The feedback part of the demo: the 1022 portal's handling points and routing rules. Every ward People's
 * Committee gets a feedback desk (general reports), an urban-order team (pavements, building) and the ward
 * police post (public order); every other agency gets five regional reception points. With the directory's
 * agencies that is about 190 agencies and 620 handling points, as the portal connects today. Deterministic.
 */
@Component
@Order(20)
class FeedbackDemo implements DemoContributor {

    private static final Logger log = LoggerFactory.getLogger(FeedbackDemo.class);
    private static final int REGIONS = 5;
    /** Category → which ward point handles it, or which agency's regional point. */
    private static final Map<String, String> ROUTES = Map.ofEntries(
            Map.entry("giao-thong", "pa"), Map.entry("chieu-sang", "pa"), Map.entry("thoat-nuoc", "pa"),
            Map.entry("cay-xanh", "pa"), Map.entry("moi-truong", "pa"), Map.entry("o-nhiem", "pa"),
            Map.entry("cong-vien", "pa"), Map.entry("cap-nuoc", "pa"), Map.entry("khac", "pa"),
            Map.entry("trat-tu-do-thi", "tt"), Map.entry("xay-dung", "tt"), Map.entry("an-ninh-trat-tu", "ca"),
            Map.entry("den-tin-hieu", "@so-xay-dung"), Map.entry("dien", "@so-cong-thuong"),
            Map.entry("ve-sinh-thuc-pham", "@so-an-toan-thuc-pham"));

    private final AgencyService agencies;
    private final ReportRepository reports;
    private final SettingsRepository settings;

    FeedbackDemo(AgencyService agencies, ReportRepository reports, SettingsRepository settings) {
        this.agencies = agencies;
        this.reports = reports;
        this.settings = settings;
    }

    @Override
    public void load(DemoSize size) {
        List<AgencySummary> all = agencies.allActive();
        List<AgencySummary> wards = all.stream().filter(a -> "ward_committee".equals(a.kind()) && a.adminUnitCode() != null)
                .sorted(java.util.Comparator.comparing(AgencySummary::adminUnitCode)).toList();
        int points = 0;
        for (AgencySummary ward : wards) {
            String unit = ward.adminUnitCode();
            String place = ward.name().replaceFirst("^Ủy ban nhân dân ", "");
            String placeEn = ward.nameEn() == null ? unit : ward.nameEn().replaceFirst(" People's Committee$", "");
            reports.savePoint(new HandlingPointRow("pa-" + unit, ward.code(), "Tổ tiếp nhận phản ánh " + place,
                    "Feedback desk, " + placeEn, unit));
            reports.savePoint(new HandlingPointRow("tt-" + unit, ward.code(), "Đội Trật tự đô thị " + place,
                    "Urban order team, " + placeEn, unit));
            reports.savePoint(new HandlingPointRow("ca-" + unit, "cong-an-tp", "Công an " + place,
                    "Police, " + placeEn, unit));
            points += 3;
        }
        for (AgencySummary agency : all) {
            if ("ward_committee".equals(agency.kind())) {
                continue;
            }
            for (int region = 1; region <= REGIONS; region++) {
                reports.savePoint(new HandlingPointRow(agency.code() + "-kv" + region, agency.code(),
                        agency.name() + " - Điểm tiếp nhận khu vực " + region,
                        (agency.nameEn() == null ? agency.code() : agency.nameEn()) + " - reception point, area " + region,
                        null));
                points++;
            }
        }
        int rules = 0;
        List<String> codes = new ArrayList<>(reports.categories().stream().map(Category::code).toList());
        for (int i = 0; i < wards.size(); i++) {
            String unit = wards.get(i).adminUnitCode();
            for (String category : codes) {
                String route = ROUTES.getOrDefault(category, "pa");
                String point = route.startsWith("@") ? route.substring(1) + "-kv" + (i % REGIONS + 1) : route + "-" + unit;
                if (reports.point(point).isPresent()) {
                    reports.saveRoute(category, unit, point);
                    rules++;
                }
            }
        }
        log.info("Added {} feedback handling points and {} routing rules", points, rules);
        int attributed = 0;
        for (Map.Entry<String, List<CategoryAttribute>> e : attributes().entrySet()) {
            if (settings.seedAttributes(e.getKey(), CategoryAttributes.checkDefinitions(e.getValue()))) {
                attributed++;
            }
        }
        log.info("Gave {} feedback categories extra fields", attributed);
    }

    /**
     * Extra fields the field teams ask for (Open311 service attributes): which pole, what fault; how deep the
     * water; what happened to the tree. Optional, so a report is never held up by them.
     */
    static Map<String, List<CategoryAttribute>> attributes() {
        return Map.of(
                "chieu-sang", List.of(
                        new CategoryAttribute("pole-number", "string", true, false, 1, "Số hiệu cột đèn (ghi trên thân cột)",
                                "Pole number (written on the pole)", "Ví dụ: SG-0123", "For example: SG-0123", null),
                        new CategoryAttribute("fault", "singlevaluelist", true, false, 2, "Hư hỏng gì?",
                                "What is wrong?", null, null, List.of(
                                        new CategoryAttribute.Value("off", "Đèn không sáng", "Light is off"),
                                        new CategoryAttribute.Value("flicker", "Đèn chập chờn", "Light flickers"),
                                        new CategoryAttribute.Value("day", "Đèn sáng ban ngày", "Light is on by day"),
                                        new CategoryAttribute.Value("damaged", "Cột, chao đèn hư hỏng",
                                                "Pole or lamp damaged"),
                                        new CategoryAttribute.Value("wire", "Dây điện hở, rơi xuống",
                                                "Exposed or fallen wire")))),
                "thoat-nuoc", List.of(
                        new CategoryAttribute("water-depth", "number", true, false, 1, "Nước ngập sâu khoảng bao nhiêu cm?",
                                "About how deep is the water, in cm?", "Số xăng-ti-mét, ví dụ 30",
                                "Centimetres, for example 30", null)),
                "cay-xanh", List.of(
                        new CategoryAttribute("tree-state", "singlevaluelist", true, false, 1, "Tình trạng cây",
                                "State of the tree", null, null, List.of(
                                        new CategoryAttribute.Value("fallen", "Cây ngã đổ", "Fallen"),
                                        new CategoryAttribute.Value("leaning", "Cây nghiêng, có nguy cơ ngã",
                                                "Leaning, may fall"),
                                        new CategoryAttribute.Value("broken", "Gãy cành lớn", "Large branch broken")))));
    }
}
