package fr.parvis.channels.spi;

/**
 * What a network says, when asked afterwards, about a publication whose outcome Parvis does not
 * know (a timeout, a node stopped mid-call): it exists, it certainly does not, or the network
 * cannot tell. Only {@link Absent} allows publishing again.
 */
public sealed interface PublishLookup {

    /** The publication exists on the network. */
    record Found(PublishedPost post) implements PublishLookup {
    }

    /** The network can tell, and the publication does not exist (it is safe to publish). */
    record Absent() implements PublishLookup {
    }

    /** The network cannot tell for sure; a person decides. */
    record Unknown(String reason) implements PublishLookup {
    }
}
