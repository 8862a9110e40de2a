/**
 * Channels: the social accounts of a collectivité (one per community it serves), the connector
 * SPI every network implements ({@code spi}), the credential vault, resilience of outbound calls,
 * the jobs that refresh tokens and fetch interactions, RSS/Atom sources, and the connectors:
 * Sandbox (simulated audience), Bluesky, Mastodon.
 */
@ApplicationModule(displayName = "Channels")
package fr.parvis.channels;

import org.springframework.modulith.ApplicationModule;
