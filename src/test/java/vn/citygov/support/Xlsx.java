package vn.citygov.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Opens an XLSX workbook as a spreadsheet program would: unzips it, parses the first sheet and the shared
 * strings, and gives the cells' text row by row (cell order by column letter, empty cells skipped).
 */
public final class Xlsx {

    private Xlsx() {
    }

    public static List<List<String>> firstSheet(byte[] workbook) {
        Map<String, byte[]> parts = new HashMap<>();
        Path file = null;
        // Read through the central directory, as spreadsheet programs do (entries may carry data descriptors).
        try {
            file = Files.createTempFile("citygov-", ".xlsx");
            Files.write(file, workbook);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    try (InputStream in = zip.getInputStream(e)) {
                        parts.put(e.getName(), in.readAllBytes());
                    }
                }
            }
            List<String> shared = new ArrayList<>();
            if (parts.containsKey("xl/sharedStrings.xml")) {
                NodeList items = parse(parts.get("xl/sharedStrings.xml")).getElementsByTagName("si");
                for (int i = 0; i < items.getLength(); i++) {
                    shared.add(items.item(i).getTextContent());
                }
            }
            byte[] sheet = parts.get("xl/worksheets/sheet1.xml");
            if (sheet == null) {
                throw new IllegalArgumentException("no first sheet in " + parts.keySet());
            }
            List<List<String>> rows = new ArrayList<>();
            NodeList rowNodes = parse(sheet).getElementsByTagName("row");
            for (int r = 0; r < rowNodes.getLength(); r++) {
                NodeList cells = ((Element) rowNodes.item(r)).getElementsByTagName("c");
                Map<String, String> byRef = new TreeMap<>((a, b) -> a.length() != b.length()
                        ? a.length() - b.length() : a.compareTo(b));
                for (int c = 0; c < cells.getLength(); c++) {
                    Element cell = (Element) cells.item(c);
                    String type = cell.getAttribute("t");
                    String text = cell.getTextContent();
                    String value = "s".equals(type) ? shared.get(Integer.parseInt(text.strip())) : text;
                    byRef.put(cell.getAttribute("r").replaceAll("[0-9]", ""), value);
                }
                rows.add(new ArrayList<>(byRef.values()));
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a zip file", e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    private static Document parse(byte[] xml) {
        try (InputStream in = new ByteArrayInputStream(xml)) {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML", e);
        }
    }
}
