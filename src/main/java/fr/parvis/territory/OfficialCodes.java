package fr.parvis.territory;

import fr.parvis.shared.InvalidInputException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Official identifiers of collectivités: INSEE codes (commune, département, région) and SIREN
 * numbers (EPCI, other public bodies, and optionally any collectivité).
 */
public final class OfficialCodes {

    /**
     * INSEE commune code: two-digit département (01–19, 21–95; 20 no longer exists), Corsica 2A/2B,
     * or overseas 971–978 and 987–988 followed by the commune number; never 000.
     */
    private static final Pattern COMMUNE = Pattern.compile(
            "(?:(?:0[1-9]|1\\d|2[1-9]|[3-8]\\d|9[0-5])\\d{3}|2[AB]\\d{3}|97[1-8]\\d{2}|98[78]\\d{2})");

    private static final Pattern DEPARTEMENT = Pattern.compile("(?:0[1-9]|1\\d|2[1-9AB]|[3-8]\\d|9[0-5]|97[1-6])");

    /** INSEE codes of the 18 régions (2016 map). */
    private static final Set<String> REGIONS = Set.of(
            "01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94");

    private static final Pattern SIREN = Pattern.compile("\\d{9}");

    private OfficialCodes() {
    }

    /** Upper-cases and removes spaces, so "2a 004" and "2A004" are the same code. */
    public static String normalize(String code) {
        return code == null ? null : code.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /**
     * Checks the official code of a collectivité of the given type.
     *
     * @throws InvalidInputException with a message naming the expected format
     */
    public static void check(CollectiviteType type, String code) {
        String normalized = normalize(code);
        if (normalized == null || normalized.isEmpty()) {
            throw new InvalidInputException("collectivite.officialCode.required." + type.name(), "officialCode");
        }
        boolean valid = switch (type) {
            case COMMUNE -> isCommuneCode(normalized);
            case DEPARTEMENT -> DEPARTEMENT.matcher(normalized).matches();
            case REGION -> REGIONS.contains(normalized);
            case EPCI, OTHER_PUBLIC_BODY -> isSiren(normalized);
        };
        if (!valid) {
            throw new InvalidInputException("collectivite.officialCode.invalid." + type.name(), "officialCode", code);
        }
    }

    public static boolean isCommuneCode(String code) {
        return code != null && COMMUNE.matcher(code).matches() && !code.endsWith("000");
    }

    /** SIREN: nine digits whose Luhn checksum is valid. */
    public static boolean isSiren(String code) {
        return code != null && SIREN.matcher(code).matches() && luhn(code);
    }

    /** Checks an optional SIREN number. */
    public static void checkOptionalSiren(String siren) {
        String normalized = normalize(siren);
        if (normalized != null && !normalized.isEmpty() && !isSiren(normalized)) {
            throw new InvalidInputException("collectivite.siren.invalid", "siren", siren);
        }
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
