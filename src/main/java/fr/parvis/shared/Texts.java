package fr.parvis.shared;

import java.text.Normalizer;
import java.util.Locale;

/** Small text helpers shared by every module. */
public final class Texts {

    private Texts() {
    }

    /** Trims and turns blank strings into {@code null}. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Lower-case ASCII key without accents, for comparisons and slugs. */
    public static String foldAccents(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    /** A URL-friendly identifier: {@code "Ville de Démo"} gives {@code "ville-de-demo"}. */
    public static String slugify(String text, int maxLength) {
        String slug = foldAccents(text).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > maxLength) {
            slug = slug.substring(0, maxLength).replaceAll("-+$", "");
        }
        return slug;
    }

    /** Shortens a text to at most {@code max} characters, ending with an ellipsis when cut. */
    public static String abbreviate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
