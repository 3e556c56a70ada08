package vn.citygov.dossiers.internal.documents;

import vn.citygov.dossiers.Dossier;

/** Form 03: the refusal to receive and handle the dossier, with the written reason. */
final class RefusalForm {

    static final String TITLE = "Phiếu từ chối tiếp nhận giải quyết hồ sơ";

    private RefusalForm() {
    }

    static byte[] render(FormFacts f) {
        Dossier d = f.dossier();
        FormPage page = f.page("Mẫu số 03");
        page.title(TITLE, d.code() == null ? null : "Mã hồ sơ: " + d.code());
        page.text(f.agencyName() + " đã tiếp nhận hồ sơ của:");
        page.field("Ông/Bà", d.applicantName());
        page.field("Nội dung yêu cầu giải quyết", f.procedure().name());
        page.field("Ngày nộp hồ sơ", VietnameseDates.dateTime(d.submittedAt(), f.zone()));
        page.text("Sau khi xem xét, đối chiếu với quy định hiện hành, " + f.agencyName()
                + " từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:");
        page.note(d.refusalReason());
        page.text("Xin thông báo để Ông/Bà được biết và thực hiện.");
        page.signatures(null, null, "Người tiếp nhận hồ sơ", f.official());
        return page.finish();
    }
}
