package fr.parvis.channels;

import java.time.Instant;
import java.util.List;

/**
 * A line of an account's activity log.
 *
 * @param kind {@code CONNECTED}, {@code SYNC}, {@code ERROR}, {@code REFRESH} or {@code STATUS}
 * @param messageKey message of the channels bundles, to show with {@code arguments}
 */
public record AccountEventView(Instant occurredAt, String kind, String operation, String messageKey,
        List<String> arguments, String detail) {
}
