package vn.citygov.dossiers.internal.documents;

import java.util.List;
import vn.citygov.dossiers.Dossier;
import vn.citygov.procedures.Procedure.RequiredDocument;

/** Form 01: the receipt with the appointment date, handed to the applicant once the dossier is accepted. */
final class ReceiptForm {

    static final String TITLE = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả";

    private ReceiptForm() {
    }

    static byte[] render(FormFacts f, String lookupUrl) {
        Dossier d = f.dossier();
        FormPage page = f.page("Mẫu số 01");
        page.title(TITLE, "Mã hồ sơ: " + d.code());
        page.text(f.agencyName() + " đã tiếp nhận hồ sơ của:");
        page.field("Ông/Bà", d.applicantName());
        page.field("Nội dung yêu cầu giải quyết", f.procedure().name());
        page.text("Thành phần hồ sơ đã nhận:");
        page.numbered(documents(f.procedure().documents()));
        page.field("Thời gian giải quyết hồ sơ theo quy định", f.procedure().processingDays() + " ngày làm việc");
        page.field("Thời gian nhận hồ sơ", VietnameseDates.dateTime(d.receivedAt(), f.zone()));
        page.field("Thời gian hẹn trả kết quả", VietnameseDates.dateTime(d.dueAt(), f.zone()));
        page.field("Hình thức nhận kết quả", Delivery.text(d.delivery(), d.postalAddress()));
        if (d.feeVnd() != null) {
            // The receipt says what was charged and why: the rule in force on the day of submission.
            page.field("Phí, lệ phí", fee(d.feeVnd()) + (d.feeReason() == null ? "" : " — " + d.feeReason()));
        }
        page.qr(QrCodes.matrix(lookupUrl), "Tra cứu tình trạng giải quyết hồ sơ: quét mã QR hoặc truy cập "
                + lookupUrl);
        page.signatures("Người nộp hồ sơ", d.applicantName(), "Người tiếp nhận hồ sơ", f.official());
        return page.finish();
    }

    /** 50.000 ₫, or Miễn phí when nothing is charged. */
    static String fee(long amountVnd) {
        return amountVnd == 0 ? "Miễn phí" : "%,d ₫".formatted(amountVnd).replace(',', '.');
    }

    private static List<String> documents(List<RequiredDocument> documents) {
        if (documents == null || documents.isEmpty()) {
            return List.of("Tờ khai điện tử theo mẫu của thủ tục");
        }
        return documents.stream().map(doc -> doc.copies() == null || doc.copies() <= 0 ? doc.name()
                : "%s — %02d bản".formatted(doc.name(), doc.copies())).toList();
    }
}
