package fr.parvis.channels.feeds;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the RSS/Atom sources ({@code parvis.feeds.*}).
 *
 * @param pollInterval how often each active source is read
 * @param maxBackoff the longest delay between two readings of a failing source (the delay doubles
 *     with each consecutive failure, from {@code pollInterval})
 * @param maxResponseSize the largest feed read; reading stops there and nothing is stored
 * @param maxItemsPerFetch the most items kept from one reading (the newest)
 * @param maxSourcesPerCollectivite how many sources one collectivité may subscribe
 * @param maxRedirects redirects followed (each one checked against private addresses)
 * @param timeout the longest a whole reading may take (headers and body)
 * @param batchSize the most sources read by one run of the polling task
 */
@ConfigurationProperties("parvis.feeds")
public record FeedsProperties(@DefaultValue("30m") Duration pollInterval, @DefaultValue("24h") Duration maxBackoff,
        @DefaultValue("5MB") DataSize maxResponseSize, @DefaultValue("100") int maxItemsPerFetch,
        @DefaultValue("50") int maxSourcesPerCollectivite, @DefaultValue("5") int maxRedirects,
        @DefaultValue("20s") Duration timeout, @DefaultValue("50") int batchSize) {

    /** The longest address accepted. */
    public static final int MAX_URL_LENGTH = 2000;
}
