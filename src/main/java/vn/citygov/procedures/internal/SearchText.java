package vn.citygov.procedures.internal;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import vn.citygov.platform.text.TextFolding;

/** Folded search keys and the LIKE patterns built from a visitor's query, as in the directory. */
public final class SearchText {

    private SearchText() {
    }

    /** The stored key: code and both names, folded, in one string. */
    public static String key(String... parts) {
        return TextFolding.fold(Arrays.stream(parts).filter(Objects::nonNull).collect(Collectors.joining(" ")));
    }

    /** The folded query, capped so a huge query cannot make a huge pattern. */
    public static String query(String q) {
        String folded = TextFolding.fold(q == null ? null : q.replaceAll("\\p{Cntrl}", " "));
        return folded.length() > 100 ? folded.substring(0, 100).strip() : folded;
    }

    /** One LIKE pattern per word, matched against " " + key: every word must start a word of the key. */
    public static String[] patterns(String folded) {
        return folded.isBlank() ? new String[0]
                : Arrays.stream(folded.split(" ")).filter(w -> !w.isEmpty()).map(w -> "% " + escape(w) + "%")
                        .toArray(String[]::new);
    }

    /** "%word%" for the longest word of the query ("%" for none): a condition the trigram index can serve. */
    public static String longestWord(String folded) {
        String longest = "";
        for (String word : folded.split(" ")) {
            if (word.length() > longest.length()) {
                longest = word;
            }
        }
        return longest.isEmpty() ? "%" : "%" + escape(longest) + "%";
    }

    public static String prefix(String folded) {
        return escape(folded) + "%";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
