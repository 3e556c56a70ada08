package vn.citygov.dossiers.internal.documents;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import vn.citygov.dossiers.Dossier;
import vn.citygov.dossiers.internal.DossierPayments.DossierPayment;
import vn.citygov.procedures.Procedure;

/**
 * Biên lai thu phí, lệ phí: what was paid for a dossier, when, how and to whom, with the QR code of the public
 * lookup like the reception forms. Amounts are written as Vietnamese documents write them (50.000 ₫).
 */
final class PaymentReceiptForm {

    static final String TITLE = "Biên lai thu phí, lệ phí";

    private PaymentReceiptForm() {
    }

    /** One fee line. */
    record Item(String name, long amountVnd) {
    }

    static byte[] render(Dossier d, Procedure procedure, DossierPayment payment, String agencyName, String parentName,
            List<Item> items, String channel, String lookupUrl, ZoneId zone) {
        FormPage page = new FormPage("Biên lai điện tử", parentName, agencyName,
                payment.paidAt().atZone(zone).toLocalDate());
        page.title(TITLE, "Số biên lai: " + payment.receiptNumber());
        page.field("Người nộp tiền", d.applicantName());
        page.field("Mã hồ sơ", d.code() == null ? "Chưa cấp (hồ sơ số " + d.id() + ")" : d.code());
        page.field("Thủ tục hành chính", procedure.name());
        List<List<String>> rows = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            rows.add(List.of(String.valueOf(i + 1), item.name(), ReceiptForm.fee(item.amountVnd())));
            total += item.amountVnd();
        }
        rows.add(List.of("", "Tổng cộng", ReceiptForm.fee(total)));
        page.table(new float[] {8, 67, 25}, List.of("STT", "Khoản thu", "Số tiền (VND)"), rows);
        if (d.feeReason() != null) {
            page.field("Căn cứ thu", d.feeReason());
        }
        page.field("Thời gian nộp", VietnameseDates.dateTime(payment.paidAt(), zone));
        page.field("Hình thức nộp", "online".equals(channel) ? "Trực tuyến qua cổng thanh toán" : "Tại quầy một cửa");
        page.field("Đơn vị thu", agencyName);
        if ("refunded".equals(payment.status())) {
            page.note("Khoản thu này đã được hoàn trả cho người nộp.");
        }
        page.qr(QrCodes.matrix(lookupUrl), "Tra cứu tình trạng giải quyết hồ sơ: quét mã QR hoặc truy cập "
                + lookupUrl);
        page.signatures(null, null, "Đơn vị thu", agencyName);
        return page.finish();
    }
}
