package fr.parvis.channels.feeds.fetch;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A reading that failed, with a message key (feeds.error.*) and its arguments, shown on the source. */
public class FeedFetchException extends RuntimeException {

    private final String messageKey;
    private final List<String> arguments;

    public FeedFetchException(String messageKey, Object... arguments) {
        this(messageKey, null, arguments);
    }

    public FeedFetchException(String messageKey, Throwable cause, Object... arguments) {
        super(messageKey, cause, false, false);
        this.messageKey = messageKey;
        this.arguments = Arrays.stream(arguments).map(a -> Objects.toString(a, "")).toList();
    }

    public String messageKey() {
        return messageKey;
    }

    public List<String> arguments() {
        return arguments;
    }

    @Override
    public String toString() {
        return "FeedFetchException[" + messageKey + " " + arguments + "]";
    }
}
