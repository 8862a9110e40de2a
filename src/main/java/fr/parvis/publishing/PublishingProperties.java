package fr.parvis.publishing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of publication.
 *
 * @param dispatchInterval how often the dispatcher looks for missed publications, stale claims and
 *     unknown outcomes
 * @param heartbeat how often each node writes that it is alive
 * @param staleClaim a node silent this long is gone: the publications it claimed are read back
 * @param maxCall a claim older than this is read back even if its node still answers (longer than
 *     any network call's timeout)
 * @param missed a scheduled publication this late is taken by the dispatcher
 */
@ConfigurationProperties("parvis.publishing")
public record PublishingProperties(@DefaultValue("10s") Duration dispatchInterval,
        @DefaultValue("5s") Duration heartbeat, @DefaultValue("1m") Duration staleClaim,
        @DefaultValue("30m") Duration maxCall, @DefaultValue("30s") Duration missed) {
}
