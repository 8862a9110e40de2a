package fr.parvis.territory.access;

/** Why an agent may act in a collectivité. */
public enum AccessVia {
    /** The agent is a member of the collectivité. */
    MEMBERSHIP,
    /** The commune delegated to its EPCI, of which the agent is a member. */
    DELEGATION
}
