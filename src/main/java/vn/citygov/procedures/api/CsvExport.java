package vn.citygov.procedures.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import vn.citygov.procedures.Procedure;

/** The catalogue as CSV, one row per procedure: the columns people sort and filter in a spreadsheet. */
final class CsvExport {

    // Excel reads UTF-8 only when the file starts with a byte-order mark; without it Vietnamese is garbled.
    private static final String BOM = "\uFEFF";
    private static final List<String> HEADER = List.of("code", "name", "name_en", "field_code", "agency_code", "level",
            "online_level", "processing_days", "fee_vnd", "fee_note", "legal_basis", "result_document", "documents", "workflow");

    private CsvExport() {
    }

    static byte[] write(List<Procedure> procedures) {
        StringBuilder out = new StringBuilder(BOM).append(String.join(",", HEADER)).append("\r\n");
        for (Procedure p : procedures) {
            List<String> row = List.of(p.code(), p.name(), p.nameEn(), p.fieldCode(), nn(p.agencyCode()), p.level(),
                    p.onlineLevel(), Integer.toString(p.processingDays()), Long.toString(p.feeVnd()), nn(p.feeNote()),
                    p.legalBasis(), p.resultDocument(),
                    p.documents().stream().map(Procedure.RequiredDocument::name).collect(Collectors.joining("; ")),
                    nn(p.workflow()));
            out.append(row.stream().map(CsvExport::quote).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    // Quote every value; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula.
    private static String quote(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static String nn(String value) {
        return value == null ? "" : value;
    }
}
