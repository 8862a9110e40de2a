package fr.parvis.publishing.media;

import java.util.Arrays;

/**
 * Why a medium cannot be published on a network (found before any call), for the composer's
 * checks. Every problem blocks the publication, but {@link Code#SUBTITLES_NOT_SENT}.
 *
 * @param code a stable code
 * @param messageKey its French/English message ({@code media.problem.*} keys of the media bundle)
 */
public record MediaProblem(Code code, String messageKey, Object... arguments) {

    /** The kinds of problems. */
    public enum Code {
        /** The image has no alternative text. */
        ALT_TEXT_MISSING,
        /** The alternative text is longer than the network accepts. */
        ALT_TEXT_TOO_LONG,
        /** The network accepts none of the types Parvis can make from this image. */
        TYPE_UNSUPPORTED,
        /** Parvis cannot publish videos on this network. */
        VIDEO_UNSUPPORTED,
        /** The video is larger than the network accepts (Parvis does not transcode). */
        TOO_LARGE,
        /** The video is longer than the network accepts (Parvis does not cut). */
        TOO_LONG,
        /** The subtitles file is larger than the network accepts. */
        SUBTITLES_TOO_LARGE,
        /**
         * The network takes no subtitles track: the file is not sent, only subtitles in the picture
         * reach its users. The only problem that does not block (a warning to acknowledge).
         */
        SUBTITLES_NOT_SENT,
        /** A video without subtitles (file or burned in). */
        SUBTITLES_MISSING,
        /** The medium was archived. */
        ARCHIVED
    }

    public MediaProblem(Code code, String messageKey, Object... arguments) {
        this.code = code;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    @Override
    public Object[] arguments() {
        return arguments.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MediaProblem p && p.code == code && p.messageKey.equals(messageKey)
                && Arrays.equals(p.arguments, arguments);
    }

    @Override
    public int hashCode() {
        return code.hashCode() * 31 + messageKey.hashCode();
    }

    @Override
    public String toString() {
        return code + " " + messageKey + " " + Arrays.toString(arguments);
    }
}
