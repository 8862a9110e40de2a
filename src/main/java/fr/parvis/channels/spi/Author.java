package fr.parvis.channels.spi;

/** The author of an interaction, as the network names them. */
public record Author(String externalId, String handle, String displayName) {
}
