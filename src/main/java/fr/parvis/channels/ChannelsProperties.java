package fr.parvis.channels;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the channels module.
 *
 * @param syncInterval how often each connected account is read (posts and interactions)
 * @param retryBase first delay between retries of a failed read (doubled each time, 3 attempts)
 * @param circuitOpenFor how long calls to a network stop after it failed repeatedly
 * @param accountCache how long a node reuses what it read of an account before a call (state,
 *     rate limit, decrypted credentials); changes made on the node are seen at once, changes made
 *     on another node after at most this long; 0 reads them before every call
 */
@ConfigurationProperties("parvis.channels")
public record ChannelsProperties(@DefaultValue("2m") Duration syncInterval,
        @DefaultValue("500ms") Duration retryBase, @DefaultValue("60s") Duration circuitOpenFor,
        @DefaultValue("2s") Duration accountCache) {
}
