package fr.parvis.publishing.calendar;

import java.util.Locale;

/** The three views, named as in the address ({@code ?vue=mois|semaine|liste}). */
public enum CalendarMode {
    MOIS, SEMAINE, LISTE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The view of an address parameter; {@code null} for an unknown one. */
    public static CalendarMode of(String param) {
        if (param == null || param.isBlank()) {
            return MOIS;
        }
        for (CalendarMode mode : values()) {
            if (mode.key().equals(param.strip().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        return null;
    }
}
