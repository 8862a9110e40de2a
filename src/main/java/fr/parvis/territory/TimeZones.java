package fr.parvis.territory;

import java.util.List;

/** Time zones of French collectivités, metropolitan and overseas. */
public final class TimeZones {

    public static final String DEFAULT = "Europe/Paris";

    public static final List<String> FRENCH = List.of(
            "Europe/Paris", "America/Guadeloupe", "America/Martinique", "America/Cayenne", "Indian/Reunion",
            "Indian/Mayotte", "America/Miquelon", "America/St_Barthelemy", "America/Marigot", "Pacific/Noumea",
            "Pacific/Tahiti", "Pacific/Wallis");

    private TimeZones() {
    }
}
