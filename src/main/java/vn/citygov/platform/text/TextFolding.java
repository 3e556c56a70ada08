package vn.citygov.platform.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds Vietnamese text for accent-insensitive search: "Phường Sài Gòn" and "phuong sai gon" fold to
 * the same key. Đ/đ is a letter of its own, not a combining mark, so it is mapped explicitly.
 */
public final class TextFolding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextFolding() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String stripped = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** NFC is the stored form of all text in CityGov. */
    public static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }
}
