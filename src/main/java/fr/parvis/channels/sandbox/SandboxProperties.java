package fr.parvis.channels.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Sandbox (simulated network).
 *
 * @param seed the seed of the simulation, combined with each account's handle: the same seed and the
 *     same clock give the same audience
 * @param simulationInterval how often the simulation task lets the audience act
 * @param simulation whether the audience acts by itself (the audience API works either way)
 * @param publishLatency how long a publication takes, like the round trip to a real network (0 by
 *     default; benchmarks and the exactly-once test set it to make in-flight calls likely)
 */
@ConfigurationProperties("parvis.sandbox")
public record SandboxProperties(@DefaultValue("2026") long seed, @DefaultValue("1m") Duration simulationInterval,
        @DefaultValue("true") boolean simulation, @DefaultValue("0ms") Duration publishLatency) {
}
