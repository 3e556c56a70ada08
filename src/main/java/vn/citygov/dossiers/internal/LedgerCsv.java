package vn.citygov.dossiers.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.citygov.dossiers.LedgerLine;

/** The tracking ledger (form 07) as CSV for spreadsheets: UTF-8 with a byte-order mark, every value quoted. */
public final class LedgerCsv {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final List<String> HEADER = List.of("stt", "ma_ho_so", "ma_thu_tuc", "ten_thu_tuc", "nguoi_nop",
            "kenh", "trang_thai", "ngay_nhan", "ngay_hen_tra", "ngay_hen_lai", "ngay_ket_thuc", "ket_qua");

    private LedgerCsv() {
    }

    public static byte[] write(List<LedgerLine> lines, ZoneId zone) {
        StringBuilder out = new StringBuilder("\uFEFF");
        row(out, HEADER);
        for (LedgerLine l : lines) {
            row(out, List.of(String.valueOf(l.number()), nn(l.code()), l.procedureCode(), l.procedureName(),
                    l.applicantName(), l.channel(), l.state(), time(l.receivedAt(), zone), time(l.dueAt(), zone),
                    time(l.extendedDue(), zone), time(l.finishedAt(), zone), l.outcome()));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder out, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            // A leading =, +, - or @ would run as a spreadsheet formula: neutralised with a quote mark.
            String safe = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
            out.append(i == 0 ? "" : ",").append('"').append(safe.replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }

    private static String time(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }
}
