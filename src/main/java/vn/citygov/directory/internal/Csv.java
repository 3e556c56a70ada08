package vn.citygov.directory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/** A minimal RFC 4180 reader for the reference CSV files shipped on the classpath. */
final class Csv {

    private Csv() {
    }

    /** Rows as header → value maps (empty values as null). */
    static List<Map<String, String>> read(String classpathLocation) {
        try (InputStream in = new ClassPathResource(classpathLocation).getInputStream()) {
            List<List<String>> records = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<String> header = records.getFirst();
            List<Map<String, String>> rows = new ArrayList<>();
            for (List<String> record : records.subList(1, records.size())) {
                if (record.size() == 1 && record.getFirst().isEmpty()) {
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String value = i < record.size() ? record.get(i) : "";
                    row.put(header.get(i), value.isEmpty() ? null : value);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException ex) {
            throw new IllegalStateException("Cannot read " + classpathLocation, ex);
        }
    }

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
