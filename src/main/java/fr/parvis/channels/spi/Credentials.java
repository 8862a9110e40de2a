package fr.parvis.channels.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The secrets of one connected account, as the network issued them. Stored only encrypted (the
 * credential vault); never logged: {@link #toString()} shows no secret.
 *
 * @param accessToken the bearer or session token
 * @param refreshToken the token that renews it, if the network has one
 * @param expiresAt when the access token expires, if known
 * @param extra other values a connector needs (client id and secret of a Mastodon app, DID…)
 */
public record Credentials(String accessToken, String refreshToken, Instant expiresAt, Map<String, String> extra) {

    public Credentials {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public static Credentials of(String accessToken) {
        return new Credentials(accessToken, null, null, Map.of());
    }

    public String extra(String key) {
        return extra.get(key);
    }

    @Override
    public String toString() {
        return "Credentials[expiresAt=" + expiresAt + ", extra=" + extra.keySet() + ", secrets hidden]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Credentials c && Objects.equals(accessToken, c.accessToken)
                && Objects.equals(refreshToken, c.refreshToken) && Objects.equals(expiresAt, c.expiresAt)
                && extra.equals(c.extra);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessToken, refreshToken, expiresAt, extra);
    }
}
