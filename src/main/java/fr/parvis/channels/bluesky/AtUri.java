package fr.parvis.channels.bluesky;

import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.ConnectorException.Kind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An {@code at://<did>/<collection>/<rkey>} record address, as Bluesky names posts. */
record AtUri(String repo, String collection, String rkey) {

    private static final Pattern PATTERN = Pattern.compile(
            "at://(did:[a-z]+:[A-Za-z0-9._:%-]{1,2000})/([a-zA-Z0-9.-]{3,317})/([A-Za-z0-9._~:-]{1,512})");

    static AtUri parse(String value) {
        Matcher matcher = value == null ? null : PATTERN.matcher(value.strip());
        if (matcher == null || !matcher.matches()) {
            throw ConnectorException.of(Kind.INVALID_REQUEST, "bluesky.badUri", String.valueOf(value));
        }
        return new AtUri(matcher.group(1), matcher.group(2), matcher.group(3));
    }

    @Override
    public String toString() {
        return "at://" + repo + "/" + collection + "/" + rkey;
    }
}
