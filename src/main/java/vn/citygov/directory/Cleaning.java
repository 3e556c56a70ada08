package vn.citygov.directory;

import java.util.List;
import vn.citygov.platform.text.TextFolding;

/** Input clean-up shared by the command records: NFC, trimmed, blank as absent. */
final class Cleaning {

    static final String CODE = "[a-z0-9-]{2,64}";
    static final String PHONE = "[0-9+() .-]{3,30}";
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("\\p{Cntrl}");
    static final String WEBSITE = "https?://\\S{3,250}";

    private Cleaning() {
    }

    static String text(String value) {
        // Every text field is one line; control characters (NUL included) are never meaningful here.
        String nfc = TextFolding.nfc(value == null ? null : CONTROL.matcher(value).replaceAll(" "));
        return nfc == null || nfc.isEmpty() ? null : nfc;
    }

    /** Codes are compared as given; only surrounding spaces are dropped. */
    static String code(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static List<String> list(List<String> values) {
        return values == null ? List.of() : values.stream().map(Cleaning::text).filter(v -> v != null).distinct().toList();
    }
}
