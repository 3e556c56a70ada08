package vn.citygov.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Vietnamese and English are complete: every key exists in both, and every key a template uses exists. */
class MessageBundleUnitTests {

    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void everyBundleHasTheSameKeysInBothLanguages() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path vi : files.filter(p -> p.getFileName().toString().endsWith("_vi.properties")).toList()) {
                Path en = vi.resolveSibling(vi.getFileName().toString().replace("_vi.", "_en."));
                assertThat(en).as("English bundle for " + vi).exists();
                assertThat(load(en).stringPropertyNames()).as(en.toString())
                        .containsExactlyInAnyOrderElementsOf(load(vi).stringPropertyNames());
            }
        }
    }

    @Test
    void everyLiteralKeyUsedInTemplatesExists() throws IOException {
        Set<String> known = new TreeSet<>();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path vi : files.filter(p -> p.getFileName().toString().endsWith("_vi.properties")).toList()) {
                known.addAll(load(vi).stringPropertyNames());
            }
        }
        Pattern key = Pattern.compile("#\\{([a-zA-Z0-9._-]+)[}(]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = key.matcher(Files.readString(template));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(template.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyMenuEntryHasItsLabelAndItsHomePageTextInBothLanguages() throws IOException {
        Set<String> vi = new TreeSet<>();
        Set<String> en = new TreeSet<>();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith("_vi.properties")) {
                    vi.addAll(load(file).stringPropertyNames());
                } else if (name.endsWith("_en.properties")) {
                    en.addAll(load(file).stringPropertyNames());
                }
            }
        }
        Pattern entry = Pattern.compile("NavigationItem(?:\\.\\w+|\\s*)\\(\\s*\\d+\\s*,\\s*\"([^\"]+)\"");
        Set<String> missing = new TreeSet<>();
        int entries = 0;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = entry.matcher(Files.readString(source));
                while (m.find()) {
                    entries++;
                    for (String key : new String[] {m.group(1), m.group(1) + ".about"}) {
                        if (!vi.contains(key)) {
                            missing.add("vi: " + key);
                        }
                        if (!en.contains(key)) {
                            missing.add("en: " + key);
                        }
                    }
                }
            }
        }
        assertThat(entries).isGreaterThan(5);
        assertThat(missing).isEmpty();
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
