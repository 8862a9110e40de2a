package fr.parvis.publishing.web;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * The publishing pages' messages: French and English have the same keys, every key the publishing
 * templates and the layout name exists, and apostrophes in the UI block follow MessageFormat.
 */
class PublishingMessagesTests {

    private static final List<String> BUNDLES = List.of("messages", "territory", "compliance", "api", "channels",
            "sandbox", "bluesky", "mastodon", "feeds", "publishing", "elections", "crisis", "calendar", "media", "language");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)\\s*[}(]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @Test
    void frenchAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("i18n/publishing_en.properties").stringPropertyNames())
                .isEqualTo(load("i18n/publishing.properties").stringPropertyNames());
    }

    @Test
    void everyKeyOfThePublishingPagesExists() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String bundle : BUNDLES) {
            keys.addAll(load("i18n/" + bundle + ".properties").stringPropertyNames());
        }
        Set<String> missing = new TreeSet<>();
        List<Path> templates = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates/publishing"))) {
            files.filter(p -> p.toString().endsWith(".html")).forEach(templates::add);
        }
        templates.add(Path.of("src/main/resources/templates/layout/page.html"));
        for (Path template : templates) {
            Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(template));
            while (matcher.find()) {
                if (!keys.contains(matcher.group(1))) {
                    missing.add(template.getFileName() + ": " + matcher.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
        for (String tab : PostsController.TABS.keySet()) {
            assertThat(keys).contains("publishing.ui.posts.tab." + tab);
        }
        for (String kind : List.of("APPROVED", "CHANGES_REQUESTED", "EXPIRED", "BYPASSED", "COMMENT", "ACKNOWLEDGED", "SUBMITTED",
                "PUBLISHED")) {
            assertThat(keys).contains("publishing.ui.history." + kind);
        }
    }

    @Test
    void theUiBlockEscapesApostrophesAsMessageFormatExpects() throws IOException {
        for (String file : List.of("publishing.properties", "publishing_en.properties")) {
            List<String> lines = Files.readAllLines(Path.of("src/main/resources/i18n", file), StandardCharsets.UTF_8);
            int start = lines.indexOf("# --- UI (composer) ---");
            assertThat(start).as(file).isPositive();
            for (String line : lines.subList(start + 1, lines.size())) {
                String value = line.substring(line.indexOf('=') + 1);
                boolean formatted = PLACEHOLDER.matcher(value).find();
                assertThat(formatted && value.replace("''", "").contains("'")).as(line).isFalse();
                assertThat(!formatted && value.contains("''")).as(line).isFalse();
            }
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PublishingMessagesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
