package fr.parvis.territory;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of collectivité, with the kinds each may be attached to. */
public enum CollectiviteType {

    /** Commune: official code is the 5-character INSEE code (Corsica 2A/2B). */
    COMMUNE,
    /** Établissement public de coopération intercommunale: official code is its SIREN. */
    EPCI,
    /** Département: official code is the INSEE département code (01…95, 2A, 2B, 971…976). */
    DEPARTEMENT,
    /** Région: official code is the INSEE région code. */
    REGION,
    /** Other public body (syndicat mixte, office de tourisme…): official code is its SIREN. */
    OTHER_PUBLIC_BODY;

    /** Kinds of collectivité this kind may be attached to as a member. */
    public Set<CollectiviteType> allowedParents() {
        return switch (this) {
            case COMMUNE -> EnumSet.of(EPCI);
            case EPCI -> EnumSet.of(DEPARTEMENT);
            case DEPARTEMENT -> EnumSet.of(REGION);
            case REGION -> EnumSet.noneOf(CollectiviteType.class);
            case OTHER_PUBLIC_BODY -> EnumSet.of(COMMUNE, EPCI, DEPARTEMENT, REGION);
        };
    }

    /** Whether members of this kind can delegate their accounts to it (an EPCI for its communes). */
    public boolean canReceiveDelegations() {
        return this == EPCI;
    }
}
