package fr.parvis.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key the lints use exists in French and English, and formats with its arguments. */
class LanguageMessagesTests {

    private static final Pattern KEY = Pattern.compile("\"(lint\\.[A-Za-z.]+)\"");

    @Test
    void everyKeyInTheCodeExistsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/fr/parvis/language"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY.matcher(Files.readString(source));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(20);
        Properties french = load("i18n/language.properties");
        Properties english = load("i18n/language_en.properties");
        assertThat(french.stringPropertyNames()).containsAll(used);
        assertThat(english.stringPropertyNames()).containsAll(used);
        assertThat(english.stringPropertyNames()).isEqualTo(french.stringPropertyNames());
    }

    @Test
    void everyFindingOfTheLintsFormatsInBothLanguages() throws IOException {
        Properties french = load("i18n/language.properties");
        Properties english = load("i18n/language_en.properties");
        List<TextFinding> findings = new ArrayList<>();
        findings.addAll(new AccessibilityLint().check("ATTENTION #fetedelamusique ce soir !!! #a #b #c 𝐛𝐨𝐥𝐝 le SIVOM "
                + "#zorglubtrucmachinchose J’❤️ Lyon 🎉🎊🎈\n📍 ici " + "mot ".repeat(30) + ".",
                List.of(MediaDescription.image(null), MediaDescription.image("photo"), MediaDescription.video(null, false))));
        findings.addAll(new NeutralityLint().check(
                "Notre bilan : grâce à l’équipe municipale, nous avons réalisé, nous allons, votez Marie Dupont, "
                        + "les candidats du Parti Vert #Municipales2032", NeutralityLintTests.CONTEXT));
        assertThat(findings.stream().map(TextFinding::messageKey).distinct().count()).isGreaterThanOrEqualTo(20);
        for (TextFinding finding : findings) {
            for (Properties bundle : List.of(french, english)) {
                String pattern = bundle.getProperty(finding.messageKey());
                assertThat(pattern).as(finding.messageKey()).isNotNull();
                String text = new MessageFormat(pattern, Locale.FRENCH).format(finding.argsArray());
                assertThat(text).doesNotContain("{0}", "{1}", "{2}");
            }
        }
    }

    @Test
    void apostrophesAreEscapedAsMessageFormatExpects() throws IOException {
        for (String bundle : List.of("i18n/language.properties", "i18n/language_en.properties")) {
            Properties messages = load(bundle);
            for (String key : messages.stringPropertyNames()) {
                String value = messages.getProperty(key);
                boolean formatted = value.matches("(?s).*\\{\\d+}.*");
                assertThat(formatted && value.replace("''", "").contains("'")).as(bundle + " " + key).isFalse();
            }
        }
    }

    static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = LanguageMessagesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
