package vn.citygov.dossiers.internal.documents;

import java.util.List;
import vn.citygov.dossiers.Dossier;

/** Form 02: the request to supplement the dossier, with every missing item at once. */
final class SupplementRequestForm {

    static final String TITLE = "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ";

    private SupplementRequestForm() {
    }

    static byte[] render(FormFacts f, List<String> items, String reason) {
        Dossier d = f.dossier();
        FormPage page = f.page("Mẫu số 02");
        page.title(TITLE, d.code() == null ? null : "Mã hồ sơ: " + d.code());
        page.field("Hồ sơ của", d.applicantName());
        page.field("Nội dung yêu cầu giải quyết", f.procedure().name());
        page.field("Ngày nộp hồ sơ", VietnameseDates.dateTime(d.submittedAt(), f.zone()));
        page.text(f.agencyName() + " đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:");
        page.numbered(items);
        if (reason != null) {
            page.field("Lý do", reason);
        }
        page.text("Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với " + f.agencyName()
                + " để được hướng dẫn.");
        page.signatures(null, null, "Người hướng dẫn", f.official());
        return page.finish();
    }
}
