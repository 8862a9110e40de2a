package fr.parvis.channels.net;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbound calls to addresses that users type (Mastodon instances, Bluesky servers, feeds).
 *
 * @param allowedPrivateHosts hosts or literal addresses that may be private or loopback anyway
 *     (an intranet feed, a test server); empty by default
 * @param connectTimeout connection timeout of every outbound call
 * @param readTimeout timeout of a whole request
 */
@ConfigurationProperties("parvis.outbound")
public record OutboundProperties(@DefaultValue List<String> allowedPrivateHosts,
        @DefaultValue("5s") Duration connectTimeout, @DefaultValue("20s") Duration readTimeout) {
}
