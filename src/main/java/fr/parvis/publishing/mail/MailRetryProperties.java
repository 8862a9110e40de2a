package fr.parvis.publishing.mail;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How e-mails that could not be sent are tried again.
 *
 * @param retryDelays the wait before each new attempt after a failure (one attempt, then one per
 *     delay; after the last one the e-mail is marked failed)
 * @param retryInterval how often the recurring task looks for e-mails due for a new attempt
 * @param staleClaim an e-mail claimed this long ago by a node that did not record the outcome is taken again
 * @param keepSent how long sent e-mails are kept before they are purged
 */
@ConfigurationProperties("parvis.mail")
public record MailRetryProperties(@DefaultValue({"1m", "5m", "30m", "2h", "12h"}) List<Duration> retryDelays,
        @DefaultValue("30s") Duration retryInterval, @DefaultValue("10m") Duration staleClaim,
        @DefaultValue("7d") Duration keepSent) {

    public MailRetryProperties {
        retryDelays = retryDelays == null ? List.of() : List.copyOf(retryDelays);
    }

    /** Attempts in all: the first one and one per delay. */
    public int maxAttempts() {
        return retryDelays.size() + 1;
    }
}
