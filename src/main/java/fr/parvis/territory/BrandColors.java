package fr.parvis.territory;

import java.util.regex.Pattern;

/**
 * The collectivité's own colour is used as an accent only when white text on it reaches the
 * WCAG 2.1 AA contrast ratio (4.5:1); otherwise the interface keeps its neutral blue.
 */
public final class BrandColors {

    public static final String NEUTRAL_BLUE = "#1d4f91";

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    private BrandColors() {
    }

    public static boolean isHexColor(String value) {
        return value != null && HEX.matcher(value).matches();
    }

    /** Contrast ratio between white and the colour, from 1 to 21. */
    public static double contrastWithWhite(String hex) {
        double luminance = relativeLuminance(hex);
        return (1.0 + 0.05) / (luminance + 0.05);
    }

    /** The colour to use as accent: the brand colour if readable with white text, else neutral. */
    public static String accentFor(String brandColor) {
        return isHexColor(brandColor) && contrastWithWhite(brandColor) >= 4.5 ? brandColor.toLowerCase() : NEUTRAL_BLUE;
    }

    static double relativeLuminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double r = channel((rgb >> 16) & 0xff);
        double g = channel((rgb >> 8) & 0xff);
        double b = channel(rgb & 0xff);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
