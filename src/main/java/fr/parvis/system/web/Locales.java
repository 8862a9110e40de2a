package fr.parvis.system.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/** The languages of Parvis: French first, English complete. */
public final class Locales {

    public static final Locale DEFAULT = Locale.FRENCH;

    public static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

    private Locales() {
    }

    /** The language an API client asked for with Accept-Language: English if preferred, else French. */
    public static Locale ofApiRequest(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return DEFAULT;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return best == null ? DEFAULT : best;
        } catch (IllegalArgumentException e) {
            return DEFAULT;
        }
    }

    public static Locale of(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Locale.FRENCH;
    }
}
