package vn.citygov.feedback.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.citygov.directory.AdminUnit;
import vn.citygov.feedback.Geocoder;
import vn.citygov.platform.text.TextFolding;

/**
 * The built-in geocoder: finds the ward, commune or special zone an address names — with or without diacritics,
 * with the prefix written out ("Phường", "Xã", "Đặc khu"), abbreviated ("P.", "X.") or left out — and answers
 * with a point inside that unit. A name with its prefix beats a bare name; among equals the longer name wins
 * ("Phường Tân Phú Đông" over "Tân Phú"); two different units matching equally well place nothing. The repository
 * has no street list, so streets are not known here; a configured geocoder knows them.
 */
@Component
public class Gazetteer implements Geocoder {

    private final CityMap map;
    private volatile List<Entry> entries;

    Gazetteer(CityMap map) {
        this.map = map;
    }

    /** A way to write a unit's name, folded; {@code prefixed} when it carries the unit's kind. */
    private record Entry(String phrase, boolean prefixed, AdminUnit unit) {
    }

    @Override
    public Optional<Place> locate(String address) {
        String text = " " + normalise(address) + " ";
        if (text.isBlank()) {
            return Optional.empty();
        }
        Entry best = null;
        boolean ambiguous = false;
        for (Entry e : entries()) {
            if (!text.contains(" " + e.phrase() + " ")) {
                continue;
            }
            int order = best == null ? 1 : compare(e, best);
            if (order > 0) {
                best = e;
                ambiguous = false;
            } else if (order == 0 && !best.unit().code().equals(e.unit().code())) {
                ambiguous = true;
            }
        }
        if (best == null || ambiguous) {
            return Optional.empty();
        }
        AdminUnit u = best.unit();
        return Optional.of(new Place(u.labelLat().doubleValue(), u.labelLon().doubleValue(), u.code(), "gazetteer"));
    }

    private static int compare(Entry a, Entry b) {
        if (a.prefixed() != b.prefixed()) {
            return a.prefixed() ? 1 : -1;
        }
        return Integer.compare(a.phrase().length(), b.phrase().length());
    }

    private List<Entry> entries() {
        List<Entry> all = entries;
        if (all == null || all.isEmpty()) {
            all = new ArrayList<>();
            for (AdminUnit u : map.all()) {
                if (u.labelLat() == null || u.labelLon() == null) {
                    continue;
                }
                String bare = normalise(u.shortName() != null ? u.shortName()
                        : u.name().replaceFirst("^(Phường|Xã|Đặc khu) ", ""));
                if (bare.isEmpty()) {
                    continue;
                }
                for (String prefix : prefixes(u.type())) {
                    all.add(new Entry(prefix + " " + bare, true, u));
                }
                all.add(new Entry(bare, false, u));
            }
            entries = List.copyOf(all);
        }
        return all;
    }

    private static List<String> prefixes(String type) {
        return switch (type == null ? "" : type) {
            case "phuong" -> List.of("phuong", "p");
            case "xa" -> List.of("xa", "x");
            case "dac_khu" -> List.of("dac khu", "dk");
            default -> List.of();
        };
    }

    /** Folded, with every run of punctuation and spaces as one space: "P.Sài Gòn," reads "p sai gon". */
    static String normalise(String text) {
        return TextFolding.fold(text).replaceAll("[^a-z0-9]+", " ").strip();
    }
}
