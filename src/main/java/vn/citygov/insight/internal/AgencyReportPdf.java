package vn.citygov.insight.internal;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The printable monthly report of an agency: score, band, rank, groups, indicators, strengths and weaknesses. */
public final class AgencyReportPdf {

    private AgencyReportPdf() {
    }

    /** @param text resolves a message key in the reader's language */
    public static byte[] render(IndexService.AgencyDetail detail, boolean english, Function<String, String> text) {
        IndexService.ScopeScore s = detail.score();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 40, 40, 40);
        PdfWriter.getInstance(doc, out);
        Font normal = new Font(base("DejaVuSerif.ttf"), 10);
        Font bold = new Font(base("DejaVuSerif-Bold.ttf"), 10);
        Font title = new Font(base("DejaVuSerif-Bold.ttf"), 14);
        doc.addTitle(text.apply("insight.report.title") + " " + s.period());
        doc.open();
        Paragraph h = new Paragraph(text.apply("insight.report.title"), title);
        h.setAlignment(Element.ALIGN_CENTER);
        doc.add(h);
        Paragraph name = new Paragraph((english ? s.nameEn() : s.name()) + " — " + s.period(), bold);
        name.setAlignment(Element.ALIGN_CENTER);
        doc.add(name);
        doc.add(new Paragraph(" ", normal));
        doc.add(new Paragraph(text.apply("insight.score") + ": " + num(s.card().score()) + " / 100  ("
                + (s.card().band() == null ? text.apply("insight.no-data") : text.apply("insight.band." + s.card().band()))
                + ")", bold));
        doc.add(new Paragraph(text.apply("insight.rank") + ": " + (s.rank() == null ? "—" : s.rank() + " / " + s.peers())
                + "    " + text.apply("insight.change") + ": " + num(s.change()), normal));
        doc.add(new Paragraph(text.apply("insight.coverage") + ": " + pct(s.card().coverage()) + "    "
                + text.apply("insight.version") + ": " + s.card().version(), normal));
        doc.add(new Paragraph(" ", normal));

        PdfPTable table = new PdfPTable(new float[] {6, 2, 2, 2});
        table.setWidthPercentage(100);
        for (String k : List.of("insight.indicator", "insight.value", "insight.points", "insight.max")) {
            table.addCell(cell(text.apply(k), bold));
        }
        for (ScoreCard.IndicatorScore i : s.card().indicators()) {
            table.addCell(cell(english ? i.nameEn() : i.nameVi(), normal));
            table.addCell(cell(i.value() == null ? text.apply("insight.no-data")
                    : i.code().endsWith("_hours") ? num(i.value()) : pct(i.value()), normal));
            table.addCell(cell(num(i.points()), normal));
            table.addCell(cell(num(i.max()), normal));
        }
        doc.add(table);
        section(doc, text.apply("insight.strengths"), detail.strengths(), english, bold, normal, text);
        section(doc, text.apply("insight.weaknesses"), detail.weaknesses(), english, bold, normal, text);
        doc.close();
        return out.toByteArray();
    }

    private static void section(Document doc, String heading, List<ScoreCard.IndicatorScore> items, boolean english,
            Font bold, Font normal, Function<String, String> text) {
        doc.add(new Paragraph(" ", normal));
        doc.add(new Paragraph(heading, bold));
        if (items.isEmpty()) {
            doc.add(new Paragraph("—", normal));
        }
        for (ScoreCard.IndicatorScore i : items) {
            doc.add(new Paragraph("• " + (english ? i.nameEn() : i.nameVi()) + ": " + num(i.points()) + " / "
                    + num(i.max()) + " (" + pct(i.value()) + ")", normal));
        }
    }

    private static PdfPCell cell(String s, Font f) {
        PdfPCell c = new PdfPCell(new Phrase(s, f));
        c.setPadding(3);
        return c;
    }

    static String num(Double d) {
        return d == null ? "—" : String.format(Locale.ROOT, "%.2f", d);
    }

    static String pct(Double d) {
        return d == null ? "—" : String.format(Locale.ROOT, "%.1f%%", d * 100);
    }

    /** The vendored DejaVu font, read from the class path by OpenPDF itself. */
    private static BaseFont base(String name) {
        try {
            return BaseFont.createFont("fonts/" + name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
