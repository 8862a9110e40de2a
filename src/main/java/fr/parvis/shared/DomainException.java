package fr.parvis.shared;

import java.util.Arrays;

/**
 * A business error with a message key (resolved in French or English by the web layers) and its
 * arguments. Optionally names the input field at fault, so forms and Problem Details can point at
 * it.
 */
public abstract class DomainException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;
    private final String field;

    protected DomainException(String messageKey, String field, Object... arguments) {
        super(messageKey + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.messageKey = messageKey;
        this.field = field;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** The input field at fault, or {@code null} when the error concerns the whole request. */
    public String field() {
        return field;
    }
}
