package vn.citygov.files;

import java.text.Normalizer;

/**
 * Cleans the names clients give to uploads before they are kept or sent back in a download header:
 * Unicode NFC (so "Hồ sơ" typed on a Mac equals the same word typed on Windows), no directories, no
 * control or invisible formatting characters (a right-to-left override can disguise "gpj.exe").
 */
public final class FileNames {

    static final int MAX_LENGTH = 200;
    static final String FALLBACK = "file";

    private FileNames() {
    }

    public static String clean(String name) {
        if (name == null) {
            return FALLBACK;
        }
        String text = Normalizer.normalize(name, Normalizer.Form.NFC);
        // Keep only the last path segment, whichever separator the sender's system uses.
        int slash = Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\'));
        text = text.substring(slash + 1);
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' '); // tabs and line breaks too: a name is one line
                return;
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
                return;
            }
            if (cp == '"' || cp == '<' || cp == '>' || cp == ':' || cp == '|' || cp == '?' || cp == '*') {
                out.append('_');
            } else {
                out.appendCodePoint(cp);
            }
        });
        String cleaned = out.toString().replaceAll(" {2,}", " ").strip();
        // No leading dots: ".." and hidden files mean nothing to the people who download them.
        cleaned = cleaned.replaceFirst("^\\.+", "").strip();
        if (cleaned.isEmpty()) {
            return FALLBACK;
        }
        return shorten(cleaned);
    }

    /** Cuts long names in the stem, keeping a short extension so the download still opens. */
    public static String shortened(String name) {
        return shorten(name);
    }

    private static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
        return stem.substring(0, stem.offsetByCodePoints(0, keep)).strip() + extension;
    }

    /** RFC 6266 with an ASCII fallback for old clients and the real name in RFC 5987 filename*. */
    public static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder();
        for (char c : java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).toCharArray()) {
            if (c == 'đ') {
                ascii.append('d');
            } else if (c == 'Đ') {
                ascii.append('D');
            } else if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%') {
                ascii.append(c);
            } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
                ascii.append('_');
            }
        }
        String encoded = java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
