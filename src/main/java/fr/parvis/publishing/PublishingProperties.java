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
 * @param missed a scheduled publication this late is taken by the dispatcher (when the pump runs;
 *     without the pump the dispatcher takes everything that is due)
 * @param pump the publication pump of this node
 */
@ConfigurationProperties("parvis.publishing")
public record PublishingProperties(@DefaultValue("10s") Duration dispatchInterval,
        @DefaultValue("5s") Duration heartbeat, @DefaultValue("1m") Duration staleClaim,
        @DefaultValue("30m") Duration maxCall, @DefaultValue("30s") Duration missed, @DefaultValue Pump pump) {

    /**
     * The publication pump: each node looks for due publications often, claims them in batches a
     * little ahead of their time, and calls the networks at their time from a pool of threads.
     *
     * @param enabled whether this node runs the pump (the dispatcher still publishes what is missed)
     * @param pollInterval how often the pump looks for due publications
     * @param lookahead how long before its time a publication is claimed (then nobody can edit it)
     * @param burstLookahead during a burst (more than a batch of publications due within this
     *     time), how long before their time publications are claimed, so that claiming a burst is
     *     done when it falls due; at most 5 minutes, and not less than the lookahead
     * @param batch how many publications one claim transaction takes at most
     * @param threads how many network calls run at once on this node
     * @param maxInFlight how many claimed publications this node holds at most (claimed, called,
     *     not yet recorded)
     */
    public record Pump(@DefaultValue("true") boolean enabled, @DefaultValue("250ms") Duration pollInterval,
            @DefaultValue("2s") Duration lookahead, @DefaultValue("30s") Duration burstLookahead,
            @DefaultValue("200") int batch, @DefaultValue("64") int threads, @DefaultValue("10000") int maxInFlight) {

        public Pump {
            if (batch < 1 || batch > 1000) {
                throw new IllegalArgumentException("parvis.publishing.pump.batch must be between 1 and 1000");
            }
            if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("parvis.publishing.pump.threads must be between 1 and 256");
            }
            if (maxInFlight < batch) {
                throw new IllegalArgumentException("parvis.publishing.pump.max-in-flight must be at least the batch");
            }
            if (lookahead.isNegative() || lookahead.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("parvis.publishing.pump.lookahead must be between 0 and 1 minute");
            }
            if (burstLookahead.compareTo(lookahead) < 0 || burstLookahead.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException(
                        "parvis.publishing.pump.burst-lookahead must be between the lookahead and 5 minutes");
            }
            if (maxInFlight > 100_000) {
                throw new IllegalArgumentException("parvis.publishing.pump.max-in-flight must be at most 100000");
            }
            if (pollInterval.compareTo(Duration.ofMillis(10)) < 0) {
                throw new IllegalArgumentException("parvis.publishing.pump.poll-interval must be at least 10 ms");
            }
        }
    }
}
