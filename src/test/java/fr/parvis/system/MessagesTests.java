package fr.parvis.system;

import static org.assertj.core.api.Assertions.assertThat;

import fr.parvis.territory.CollectiviteType;
import fr.parvis.territory.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * French first, English complete: both languages have exactly the same keys, every key a template
 * names exists, and apostrophes are escaped the way Spring's MessageSource reads them.
 */
class MessagesTests {

    static final List<String> BUNDLES = List.of("messages", "territory", "compliance", "api", "channels", "sandbox",
            "bluesky", "mastodon", "feeds", "elections", "crisis", "calendar", "media", "publishing", "language");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)\\s*[}(]");

    @ParameterizedTest
    @ValueSource(strings = {"messages", "territory", "compliance", "api", "channels", "sandbox", "bluesky", "mastodon",
            "feeds", "elections", "crisis", "calendar", "media", "publishing", "language"})
    void frenchAndEnglishHaveTheSameKeys(String bundle) throws IOException {
        Properties french = load("i18n/" + bundle + ".properties");
        Properties english = load("i18n/" + bundle + "_en.properties");
        assertThat(english.stringPropertyNames()).as("keys missing in English (%s_en)", bundle)
                .containsAll(french.stringPropertyNames());
        assertThat(french.stringPropertyNames()).as("keys missing in French (%s)", bundle)
                .containsAll(english.stringPropertyNames());
    }

    @Test
    void apostrophesAreEscapedAsMessageFormatExpects() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String bundle : BUNDLES) {
            for (String suffix : List.of("", "_en")) {
                Properties messages = load("i18n/" + bundle + suffix + ".properties");
                for (String key : messages.stringPropertyNames()) {
                    String value = messages.getProperty(key);
                    if (key.startsWith("jakarta.validation")) {
                        continue;
                    }
                    boolean formatted = PLACEHOLDER.matcher(value).find();
                    if (formatted && value.replace("''", "").contains("'")) {
                        problems.add(bundle + suffix + ": " + key + " has a single apostrophe but placeholders");
                    }
                    if (!formatted && value.contains("''")) {
                        problems.add(bundle + suffix + ": " + key + " doubles apostrophes without placeholders");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyNamedInTemplatesExists() throws IOException {
        Set<String> keys = allKeys("");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(template));
                while (matcher.find()) {
                    if (!keys.contains(matcher.group(1))) {
                        missing.add(template.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void keysBuiltFromEnumsExist() throws IOException {
        Set<String> keys = allKeys("");
        List<String> expected = new ArrayList<>();
        for (Role role : Role.values()) {
            expected.add("role." + role);
            expected.add("role." + role + ".description");
        }
        for (CollectiviteType type : CollectiviteType.values()) {
            expected.add("collectivite.type." + type);
            expected.add("collectivite.officialCode.label." + type);
            expected.add("collectivite.officialCode.hint." + type);
            expected.add("collectivite.officialCode.required." + type);
            expected.add("collectivite.officialCode.invalid." + type);
            if (!type.allowedParents().isEmpty()) {
                expected.add("collectivite.parentCode.label." + type);
            }
        }
        for (String zone : fr.parvis.territory.TimeZones.FRENCH) {
            expected.add("timezone." + zone.replace('/', '.'));
        }
        assertThat(keys).containsAll(expected);
    }

    static Set<String> allKeys(String suffix) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String bundle : BUNDLES) {
            keys.addAll(load("i18n/" + bundle + suffix + ".properties").stringPropertyNames());
        }
        return keys;
    }

    static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
