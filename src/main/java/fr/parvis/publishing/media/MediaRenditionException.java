package fr.parvis.publishing.media;

import fr.parvis.shared.InvalidInputException;

/**
 * A medium cannot be made to fit a network: a video (not published by Parvis yet), or an image
 * that stays too large even reduced, or whose types the network refuses. The message says which.
 */
public class MediaRenditionException extends InvalidInputException {

    public MediaRenditionException(String messageKey, Object... arguments) {
        super(messageKey, "media", arguments);
    }
}
