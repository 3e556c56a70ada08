package vn.citygov.calendar.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.citygov.calendar.Holiday;
import vn.citygov.calendar.HolidayKind;
import vn.citygov.calendar.HolidayStatus;
import vn.citygov.calendar.WorkdaySwap;

/**
 * Reads the holiday reference data shipped in {@code classpath:calendar/} (RFC 4180 CSV, UTF-8, header row;
 * see calendar/SOURCES.md). Used to seed the database and by tests.
 */
public final class CalendarCsv {

    public static final String HOLIDAYS = "/calendar/holidays-vn.csv";
    public static final String SWAPS = "/calendar/holidays-vn-public-sector-swaps.csv";
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private CalendarCsv() {
    }

    public static List<Holiday> classpathHolidays() {
        return holidays(open(HOLIDAYS));
    }

    public static List<WorkdaySwap> classpathSwaps() {
        return swaps(open(SWAPS));
    }

    public static List<Holiday> holidays(InputStream in) {
        List<Holiday> holidays = new ArrayList<>();
        for (Map<String, String> row : records(in)) {
            holidays.add(new Holiday(LocalDate.parse(row.get("date")), row.get("name_vi"), row.get("name_en"),
                    HolidayKind.fromCode(row.get("kind")), HolidayStatus.fromCode(row.get("status")),
                    blankToNull(row.get("source")), blankToNull(row.get("note")), null, 0));
        }
        return holidays;
    }

    /** Each CSV row (a day off and the Saturday worked for it) becomes two swaps. */
    public static List<WorkdaySwap> swaps(InputStream in) {
        List<WorkdaySwap> swaps = new ArrayList<>();
        for (Map<String, String> row : records(in)) {
            LocalDate dayOff = LocalDate.parse(row.get("day_off"));
            LocalDate workday = LocalDate.parse(row.get("make_up_workday"));
            HolidayStatus status = HolidayStatus.fromCode(row.get("status"));
            String source = blankToNull(row.get("source"));
            swaps.add(new WorkdaySwap(dayOff, WorkdaySwap.Kind.DAY_OFF,
                    "Nghỉ hoán đổi ngày làm việc (làm bù ngày " + DMY.format(workday) + ")",
                    "Public-sector day off (made up on " + DMY.format(workday) + ")", source, status));
            swaps.add(new WorkdaySwap(workday, WorkdaySwap.Kind.WORKDAY,
                    "Làm bù cho ngày nghỉ " + DMY.format(dayOff),
                    "Make-up working day (for " + DMY.format(dayOff) + ")", source, status));
        }
        return swaps;
    }

    private static InputStream open(String resource) {
        InputStream in = CalendarCsv.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing classpath resource " + resource);
        }
        return in;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Rows as header → value maps. */
    static List<Map<String, String>> records(InputStream in) {
        try (Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<List<String>> rows = parse(reader);
            if (rows.isEmpty()) {
                return List.of();
            }
            List<String> header = rows.getFirst();
            List<Map<String, String>> records = new ArrayList<>();
            for (List<String> row : rows.subList(1, rows.size())) {
                if (row.size() == 1 && row.getFirst().isEmpty()) {
                    continue;
                }
                Map<String, String> record = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    record.put(header.get(i), i < row.size() ? row.get(i) : "");
                }
                records.add(record);
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(Reader input) throws IOException {
        Reader reader = input.markSupported() ? input : new BufferedReader(input);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = reader.read()) != -1) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    reader.mark(1);
                    int next = reader.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next == -1) {
                            break;
                        }
                        reader.reset();
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
            } else if (c != '\r') {
                field.append((char) c);
            }
        }
        if (any || !row.isEmpty() || !field.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
