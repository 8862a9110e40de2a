package fr.parvis.channels.spi;

import java.time.Instant;
import java.util.Arrays;

/**
 * A failed call to a network, with what Parvis should do about it ({@link Kind}) and a message for
 * people ({@code connector.*} keys of the channels bundle, or the connector's own keys).
 */
public class ConnectorException extends RuntimeException {

    /** What went wrong, from the point of view of what to do next. */
    public enum Kind {
        /** The token expired: refresh it, or ask for a reconnection. */
        AUTH_EXPIRED,
        /** The token was revoked or the account disconnected the app: reconnection needed. */
        AUTH_REVOKED,
        /** Too many calls: wait until {@link #retryAt()}. */
        RATE_LIMITED,
        /** The network refused the request itself (validation): do not retry. */
        INVALID_REQUEST,
        /** The object does not exist (any more) on the network. */
        NOT_FOUND,
        /** Network down, 5xx, timeout on a read, connection refused: retry later. */
        UNAVAILABLE,
        /** A write timed out: it may or may not have happened; check before retrying. */
        OUTCOME_UNKNOWN,
        /** The network answered something we cannot read. */
        MALFORMED_RESPONSE,
        /** The network does not offer this. */
        UNSUPPORTED
    }

    private final Kind kind;
    private final String messageKey;
    private final transient Object[] arguments;
    private final Instant retryAt;

    public ConnectorException(Kind kind, String messageKey, Instant retryAt, Throwable cause, Object... arguments) {
        super(kind + " " + messageKey + " " + Arrays.toString(arguments), cause);
        this.kind = kind;
        this.messageKey = messageKey;
        this.retryAt = retryAt;
        this.arguments = arguments.clone();
    }

    public static ConnectorException of(Kind kind, String messageKey, Object... arguments) {
        return new ConnectorException(kind, messageKey, null, null, arguments);
    }

    public static ConnectorException rateLimited(Instant retryAt) {
        return new ConnectorException(Kind.RATE_LIMITED, "connector.rateLimited", retryAt, null);
    }

    public static ConnectorException unavailable(Throwable cause) {
        return new ConnectorException(Kind.UNAVAILABLE, "connector.unavailable", null, cause);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** For {@link Kind#RATE_LIMITED}: when calls may resume. */
    public Instant retryAt() {
        return retryAt;
    }

    /** Whether the account needs its owner to reconnect it. */
    public boolean needsReconnection() {
        return kind == Kind.AUTH_REVOKED || kind == Kind.AUTH_EXPIRED;
    }
}
