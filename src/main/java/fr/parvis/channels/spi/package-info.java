/**
 * The connector SPI: what a social network connector offers Parvis. A {@link Connector} declares
 * its network, its {@link NetworkProfile} (limits, how it counts text, what it supports) and the
 * capabilities it implements ({@link Publishing}, {@link Timeline}, {@link NativeScheduling}, {@link Interactions},
 * {@link InteractionPush}, {@link Moderation}, {@link Metrics}, {@link Search},
 * {@link CredentialRefresh}). Connectors throw {@link ConnectorException} with a kind Parvis can act
 * on (token expired, rate limited until…, invalid request…) and a French message key.
 */
@NamedInterface("spi")
package fr.parvis.channels.spi;

import org.springframework.modulith.NamedInterface;
