package fr.parvis.channels.spi;

import java.time.Instant;

/** Counters of an account at a moment; {@code null} where the network does not give the figure. */
public record AccountMetrics(Instant measuredAt, Long followers, Long following, Long posts) {
}
