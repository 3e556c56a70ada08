package vn.citygov.dossiers.internal.documents;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import vn.citygov.dossiers.Dossier;
import vn.citygov.dossiers.DossierSteps.Step;
import vn.citygov.dossiers.internal.DeadlineRepository.Extension;

/**
 * Forms 04–06 of Circular 03/2025/TT-VPCP: the apology with a new appointment, the notice of stopping the
 * handling, and the control slip of the handling steps.
 */
final class ProcessingForms {

    static final String EXTENSION_TITLE = "Phiếu xin lỗi và hẹn lại ngày trả kết quả";
    static final String STOP_TITLE = "Thông báo về việc dừng giải quyết hồ sơ";
    static final String CONTROL_SLIP_TITLE = "Phiếu kiểm soát quá trình giải quyết hồ sơ";

    private ProcessingForms() {
    }

    /** Form 04. */
    static byte[] extension(FormFacts f, Extension e) {
        ZoneId zone = f.zone();
        FormPage page = opening(f, "Mẫu số 04", EXTENSION_TITLE);
        page.field("Thời gian hẹn trả kết quả", VietnameseDates.dateTime(e.previousDue(), zone));
        page.text("Tuy nhiên đến nay, " + f.agencyName() + " chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng thời "
                + "hạn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả. Lý do:");
        page.note(e.reason());
        page.text(f.agencyName() + " thành thật xin lỗi Ông/Bà vì sự chậm trễ này và hẹn lại thời gian trả kết quả "
                + "giải quyết hồ sơ vào ngày: " + VietnameseDates.dateTime(e.newDue(), zone) + ".");
        page.text("Mong nhận được sự thông cảm của Ông/Bà.");
        page.signatures(null, null, "Thủ trưởng cơ quan giải quyết hồ sơ", f.official());
        return page.finish();
    }

    /** Form 05. */
    static byte[] stop(FormFacts f) {
        FormPage page = opening(f, "Mẫu số 05", STOP_TITLE);
        page.text(f.agencyName() + " thông báo dừng giải quyết hồ sơ nêu trên với lý do như sau:");
        page.note(f.dossier().refusalReason());
        page.text("Xin thông báo để Ông/Bà được biết.");
        page.signatures(null, null, "Thủ trưởng cơ quan giải quyết hồ sơ", f.official());
        return page.finish();
    }

    /** The start of forms 04 and 05: the title, then whose dossier for what, received when. */
    private static FormPage opening(FormFacts f, String number, String title) {
        Dossier d = f.dossier();
        FormPage page = f.page(number);
        page.title(title, "Mã hồ sơ: " + d.code());
        page.text(f.agencyName() + " đã tiếp nhận hồ sơ của:");
        page.field("Ông/Bà", d.applicantName());
        page.field("Nội dung yêu cầu giải quyết", f.procedure().name());
        page.field("Thời gian nhận hồ sơ", VietnameseDates.dateTime(d.receivedAt(), f.zone()));
        return page;
    }

    /** Form 06: each step with its agency, received and handed-over times, and whether it was on time. */
    static byte[] controlSlip(FormFacts f, List<Step> steps, UnaryOperator<String> agencyName) {
        Dossier d = f.dossier();
        ZoneId zone = f.zone();
        FormPage page = f.page("Mẫu số 06");
        page.title(CONTROL_SLIP_TITLE, "Mã hồ sơ: " + d.code());
        page.field("Người nộp hồ sơ", d.applicantName());
        page.field("Thủ tục", f.procedure().name());
        page.field("Ngày hẹn trả kết quả", d.dueAt() == null ? null : VietnameseDates.dateTime(d.dueAt(), zone));
        List<List<String>> rows = new ArrayList<>();
        for (Step s : steps) {
            rows.add(List.of(String.valueOf(s.position() + 1), s.name(), agencyName.apply(s.agencyCode()),
                    s.startedAt() == null ? "" : VietnameseDates.dateTime(s.startedAt(), zone),
                    s.finishedAt() == null ? "" : VietnameseDates.dateTime(s.finishedAt(), zone),
                    s.dueAt() == null ? "" : VietnameseDates.dateTime(s.dueAt(), zone),
                    s.assigneeName() == null ? "" : s.assigneeName(), outcome(s)));
        }
        page.table(new float[] {5, 19, 17, 12, 12, 12, 13, 10}, List.of("TT", "Bước xử lý", "Cơ quan",
                "Nhận hồ sơ", "Giao hồ sơ", "Hạn xử lý", "Người xử lý", "Kết quả"), rows);
        page.signatures(null, null, "Người lập phiếu", f.official());
        return page.finish();
    }

    /** "Đúng hạn", "Quá hạn", or empty while the step is not done. */
    static String outcome(Step s) {
        Boolean onTime = s.onTime();
        return onTime == null ? "" : onTime ? "Đúng hạn" : "Quá hạn";
    }
}
