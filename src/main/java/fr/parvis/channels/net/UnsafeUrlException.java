package fr.parvis.channels.net;

import fr.parvis.shared.InvalidInputException;

/** A user-supplied URL Parvis refuses to call (not http(s), unknown host, private address…). */
public class UnsafeUrlException extends InvalidInputException {

    public UnsafeUrlException(String messageKey, String field, Object... arguments) {
        super(messageKey, field, arguments);
    }
}
