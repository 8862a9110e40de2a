package fr.parvis.channels.spi;

import java.net.URI;

/**
 * How an account of a network is connected. Exactly one of the three shapes per connector.
 */
public sealed interface ConnectFlow {

    /** The Sandbox: one click creates a simulated account. */
    non-sealed interface OneClick extends ConnectFlow {
        ConnectedAccount create(String handle, String displayName);
    }

    /** An identifier and an app password (Bluesky). {@code service} may be {@code null} (default). */
    non-sealed interface AppPassword extends ConnectFlow {
        ConnectedAccount connect(String identifier, String appPassword, URI service);
    }

    /**
     * OAuth 2 authorization code with PKCE (Mastodon, and later X, LinkedIn, Facebook). Parvis keeps
     * the {@link OAuthStart#pending()} values in the session between the two steps.
     */
    non-sealed interface OAuth extends ConnectFlow {

        /** Prepares the authorization (registers the app on a Mastodon instance if needed). */
        OAuthStart start(URI server, URI redirectUri, String state);

        /** Exchanges the code returned to {@code redirectUri} for credentials. */
        ConnectedAccount finish(OAuthStart.Pending pending, String code, URI redirectUri);
    }

    /**
     * The first step of an OAuth connection.
     *
     * @param authorizationUrl where to send the user
     * @param pending what the second step needs (server, client id and secret, PKCE verifier)
     */
    record OAuthStart(URI authorizationUrl, Pending pending) {

        /** Values kept between the two steps; never logged. */
        public record Pending(URI server, String clientId, String clientSecret, String codeVerifier)
                implements java.io.Serializable {

            @Override
            public String toString() {
                return "Pending[" + server + ", secrets hidden]";
            }
        }
    }
}
