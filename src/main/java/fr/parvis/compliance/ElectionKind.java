package fr.parvis.compliance;

import fr.parvis.territory.CollectiviteType;
import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of election, with the collectivités each concerns when it is a general (platform-wide)
 * election. National elections concern every collectivité; régionales the régions; départementales
 * the départements; municipales the communes and the EPCIs (whose community councillors are elected
 * with the municipal councils). Other public bodies are concerned by national elections only.
 * Partial and other elections are added by a collectivité for itself and concern it alone.
 */
public enum ElectionKind {

    PRESIDENTIELLE, LEGISLATIVES, EUROPEENNES, REGIONALES, DEPARTEMENTALES, MUNICIPALES, REFERENDUM, PARTIELLE, AUTRE;

    /** The collectivité types a general election of this kind concerns. */
    public Set<CollectiviteType> concernedTypes() {
        return switch (this) {
            case PRESIDENTIELLE, LEGISLATIVES, EUROPEENNES, REFERENDUM -> EnumSet.allOf(CollectiviteType.class);
            case REGIONALES -> EnumSet.of(CollectiviteType.REGION);
            case DEPARTEMENTALES -> EnumSet.of(CollectiviteType.DEPARTEMENT);
            case MUNICIPALES -> EnumSet.of(CollectiviteType.COMMUNE, CollectiviteType.EPCI);
            case PARTIELLE, AUTRE -> EnumSet.noneOf(CollectiviteType.class);
        };
    }

    /** Whether a general election of this kind concerns every collectivité. */
    public boolean national() {
        return concernedTypes().size() == CollectiviteType.values().length;
    }
}
