package fr.parvis.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.parvis.compliance.AuditDetails;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

class AuditPresenterTests {

    final AuditPresenter presenter = new AuditPresenter(messages());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void detailsAreTranslatedInFrench() {
        LocaleContextHolder.setLocale(Locale.FRENCH);
        assertThat(presenter.details(AuditDetails.of("from", "ADMIN", "to", "READ_ONLY"), "Europe/Paris"))
                .isEqualTo("ancien rôle\u00a0: Administrateur\u00a0; nouveau rôle\u00a0: Lecture seule");
        assertThat(presenter.details(AuditDetails.of("fields", "name,population"), "Europe/Paris"))
                .isEqualTo("champs\u00a0: nom, population");
        assertThat(presenter.details(AuditDetails.of("until", "2026-03-12T17:30:00Z"), "Europe/Paris"))
                .isEqualTo("jusqu'au\u00a0: 12/03/2026 18:30");
        assertThat(presenter.details(AuditDetails.of("until", "2026-03-12T17:30:00Z"), "America/Cayenne"))
                .endsWith("12/03/2026 14:30");
    }

    @Test
    void detailsAreTranslatedInEnglish() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(presenter.details(AuditDetails.of("role", "COMMUNITY_MANAGER", "account", "new"), "Europe/Paris"))
                .isEqualTo("role: Community manager; account: new");
        assertThat(presenter.details(AuditDetails.of("type", "EPCI"), "Europe/Paris"))
                .isEqualTo("type: Inter-municipality (EPCI)");
    }

    @Test
    void unknownKeysAndValuesAreShownAsRecorded() {
        LocaleContextHolder.setLocale(Locale.FRENCH);
        assertThat(presenter.details("free text without pairs", "Europe/Paris")).isEqualTo("free text without pairs");
        assertThat(presenter.details(AuditDetails.of("weather", "sunny"), "Europe/Paris")).isEqualTo("weather\u00a0: sunny");
        assertThat(presenter.details(AuditDetails.of("until", "not-an-instant"), "Europe/Paris")).endsWith("not-an-instant");
        assertThat(presenter.details(null, "Europe/Paris")).isEmpty();
        assertThat(presenter.systemReason("demo seeding")).isEqualTo("création des données de démonstration");
        assertThat(presenter.systemReason("something new")).isEqualTo("something new");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/compliance", "i18n/territory");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
