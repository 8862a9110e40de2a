package fr.parvis.channels.spi;

import java.util.Arrays;

/**
 * Why a draft cannot be published on a network, found before any call.
 *
 * @param messageKey French/English message ({@code draft.*} keys of the channels bundle)
 * @param field the part of the draft at fault ({@code text}, {@code images}, {@code images[2]}…)
 */
public record DraftProblem(String messageKey, String field, Object... arguments) {

    @Override
    public boolean equals(Object other) {
        return other instanceof DraftProblem p && p.messageKey.equals(messageKey) && p.field.equals(field)
                && Arrays.equals(p.arguments, arguments);
    }

    @Override
    public int hashCode() {
        return messageKey.hashCode() * 31 + field.hashCode();
    }

    @Override
    public String toString() {
        return messageKey + "(" + field + ") " + Arrays.toString(arguments);
    }
}
