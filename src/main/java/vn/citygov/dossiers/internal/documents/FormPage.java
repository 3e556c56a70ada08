package vn.citygov.dossiers.internal.documents;

import com.google.zxing.common.BitMatrix;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The shared layout of the reception forms of Circular 03/2025/TT-VPCP on A4: form number, agency
 * top-left, national motto top-right, place and date, numbered title, body and signature blocks.
 */
final class FormPage {

    static final String PLACE = "Thành phố Hồ Chí Minh";
    private static final byte[] REGULAR = font("DejaVuSerif.ttf");
    private static final byte[] BOLD = font("DejaVuSerif-Bold.ttf");
    private static final byte[] ITALIC = font("DejaVuSerif-Italic.ttf");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Document document;
    private final PdfWriter writer;
    private final Font normal;
    private final Font bold;
    private final Font italic;
    private final Font small;
    private final Font smallItalic;

    FormPage(String formNumber, String parentAgency, String agency, LocalDate date) {
        // Fonts are created per document: the embedded subset is tracked by each writer.
        BaseFont regular = base("DejaVuSerif.ttf", REGULAR);
        BaseFont boldBase = base("DejaVuSerif-Bold.ttf", BOLD);
        BaseFont italicBase = base("DejaVuSerif-Italic.ttf", ITALIC);
        normal = new Font(regular, 11);
        bold = new Font(boldBase, 11);
        italic = new Font(italicBase, 11);
        small = new Font(regular, 9);
        smallItalic = new Font(italicBase, 9);
        document = new Document(PageSize.A4, 57, 43, 43, 43);
        writer = PdfWriter.getInstance(document, out);
        document.addTitle(formNumber);
        document.addCreator("CityGov");
        document.open();
        header(formNumber, parentAgency, agency, date);
    }

    private void header(String formNumber, String parentAgency, String agency, LocalDate date) {
        Paragraph number = new Paragraph(formNumber, smallItalic);
        number.setAlignment(Element.ALIGN_RIGHT);
        add(number);
        PdfPTable table = new PdfPTable(new float[] {50, 50});
        table.setWidthPercentage(100);
        Paragraph left = new Paragraph();
        if (parentAgency != null) {
            left.add(new Chunk(parentAgency.toUpperCase(Locale.forLanguageTag("vi")) + "\n", new Font(normal.getBaseFont(), 9)));
        }
        left.add(new Chunk(agency.toUpperCase(Locale.forLanguageTag("vi")), new Font(bold.getBaseFont(), 9.5f)));
        left.add(new Chunk("\n―――――", new Font(normal.getBaseFont(), 8)));
        Paragraph right = new Paragraph();
        right.add(new Chunk("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", new Font(bold.getBaseFont(), 9.5f)));
        right.add(new Chunk("Độc lập - Tự do - Hạnh phúc", new Font(bold.getBaseFont(), 10.5f)));
        right.add(new Chunk("\n―――――――――――", new Font(normal.getBaseFont(), 8)));
        table.addCell(cell(left, Element.ALIGN_CENTER));
        table.addCell(cell(right, Element.ALIGN_CENTER));
        add(table);
        // Below the table rather than in its right column: the full line would wrap there.
        Paragraph place = new Paragraph(PLACE + ", " + VietnameseDates.inWords(date), new Font(italic.getBaseFont(), 10));
        place.setAlignment(Element.ALIGN_RIGHT);
        place.setSpacingBefore(4);
        add(place);
    }

    /** The title in capitals, then an optional bold line under it (e.g. the dossier code). */
    void title(String title, String subtitle) {
        Paragraph p = new Paragraph(title.toUpperCase(Locale.forLanguageTag("vi")), new Font(bold.getBaseFont(), 13));
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingBefore(18);
        add(p);
        if (subtitle != null) {
            Paragraph s = new Paragraph(subtitle, bold);
            s.setAlignment(Element.ALIGN_CENTER);
            add(s);
        }
        add(spacer(8));
    }

    /** "Label: value" with the value in bold. */
    void field(String label, String value) {
        Paragraph p = new Paragraph();
        p.add(new Chunk(label + ": ", normal));
        p.add(new Chunk(value == null || value.isBlank() ? "…" : value, bold));
        p.setSpacingAfter(3);
        add(p);
    }

    void text(String text) {
        Paragraph p = new Paragraph(text, normal);
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        p.setSpacingAfter(3);
        add(p);
    }

    void note(String text) {
        Paragraph p = new Paragraph(text, italic);
        p.setSpacingAfter(3);
        add(p);
    }

    /** Items as "1. …", one per line, indented. */
    void numbered(List<String> items) {
        for (int i = 0; i < items.size(); i++) {
            Paragraph p = new Paragraph((i + 1) + ". " + items.get(i), normal);
            p.setIndentationLeft(18);
            p.setFirstLineIndent(0);
            p.setSpacingAfter(2);
            add(p);
        }
    }

    /** A QR code with its caption beside it. */
    void qr(BitMatrix matrix, String caption) {
        float size = 85;
        PdfTemplate template = writer.getDirectContent().createTemplate(size, size);
        float module = size / matrix.getWidth();
        template.setGrayFill(0);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    // PDF's origin is bottom-left, the matrix's top-left.
                    template.rectangle(x * module, size - (y + 1) * module, module, module);
                }
            }
        }
        template.fill();
        PdfPTable table = new PdfPTable(new float[] {75, 25});
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        PdfPCell text = cell(new Paragraph(caption, smallItalic), Element.ALIGN_LEFT);
        text.setVerticalAlignment(Element.ALIGN_MIDDLE);
        table.addCell(text);
        try {
            PdfPCell image = new PdfPCell(Image.getInstance(template), false);
            image.setBorder(Rectangle.NO_BORDER);
            image.setPadding(6);
            image.setHorizontalAlignment(Element.ALIGN_RIGHT);
            table.addCell(image);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        add(table);
    }

    /** Signature blocks side by side: title in bold capitals, "(Ký và ghi rõ họ tên)", space, the name. */
    void signatures(String leftTitle, String leftName, String rightTitle, String rightName) {
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(100);
        table.setSpacingBefore(14);
        table.addCell(signature(leftTitle, leftName));
        table.addCell(signature(rightTitle, rightName));
        add(table);
    }

    private PdfPCell signature(String title, String name) {
        Paragraph p = new Paragraph();
        if (title != null) {
            p.add(new Chunk(title.toUpperCase(Locale.forLanguageTag("vi")) + "\n", bold));
            p.add(new Chunk("(Ký và ghi rõ họ tên)\n\n\n\n", italic));
            p.add(new Chunk(name == null ? "" : name, bold));
        }
        return cell(p, Element.ALIGN_CENTER);
    }

    /** A ruled table: a bold header row, then one row per entry (cells may be empty). */
    void table(float[] widths, List<String> header, List<List<String>> rows) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : header) {
            PdfPCell cell = new PdfPCell(new Phrase(h, new Font(bold.getBaseFont(), 9)));
            cell.setPadding(3);
            table.addCell(cell);
        }
        for (List<String> row : rows) {
            for (String value : row) {
                PdfPCell cell = new PdfPCell(new Phrase(value == null ? "" : value, small));
                cell.setPadding(3);
                table.addCell(cell);
            }
        }
        add(table);
        add(spacer(6));
    }

    byte[] finish() {
        document.close();
        return out.toByteArray();
    }

    private PdfPCell cell(Paragraph content, int alignment) {
        content.setAlignment(alignment);
        PdfPCell cell = new PdfPCell();
        cell.addElement(content);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(alignment);
        return cell;
    }

    private Paragraph spacer(float height) {
        Paragraph p = new Paragraph(new Phrase(" ", new Font(normal.getBaseFont(), 2)));
        p.setSpacingAfter(height);
        return p;
    }

    private void add(Element element) {
        document.add(element);
    }

    private static BaseFont base(String name, byte[] bytes) {
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] font(String name) {
        try (InputStream in = FormPage.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing font /fonts/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
