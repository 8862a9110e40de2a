package fr.parvis.channels.mastodon;

import static fr.parvis.channels.mastodon.MastodonApi.encode;
import static fr.parvis.channels.mastodon.MastodonApi.text;

import fr.parvis.channels.net.OutboundGuard;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.AccountInfo;
import fr.parvis.channels.spi.ConnectFlow;
import fr.parvis.channels.spi.ConnectedAccount;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.ConnectorException.Kind;
import fr.parvis.channels.spi.Credentials;
import fr.parvis.shared.InvalidInputException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Connecting a Mastodon account: the instance URL is checked ({@link OutboundGuard}), Parvis
 * registers itself as an app on that instance ({@code POST /api/v1/apps}, scopes {@code read write}),
 * sends the user to {@code /oauth/authorize} with a PKCE S256 challenge, then exchanges the code
 * ({@code POST /oauth/token} with the verifier) and reads the account
 * ({@code GET /api/v1/accounts/verify_credentials}).
 */
final class MastodonOAuth implements ConnectFlow.OAuth {

    static final String SCOPES = "read write";
    static final String CLIENT_ID = "clientId";
    static final String CLIENT_SECRET = "clientSecret";
    static final String APP_NAME = "Parvis";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MastodonApi api;
    private final OutboundGuard guard;

    MastodonOAuth(MastodonApi api, OutboundGuard guard) {
        this.api = api;
        this.guard = guard;
    }

    @Override
    public OAuthStart start(URI server, URI redirectUri, String state) {
        URI instance = instance(server);
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("client_name", APP_NAME);
        app.put("redirect_uris", List.of(redirectUri.toString()));
        app.put("scopes", SCOPES);
        JsonNode registered = connecting(instance, () -> api.anonymous(HttpRequest.newBuilder(instance.resolve("/api/v1/apps"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(api.json().writeValueAsString(app)))).json());
        String clientId = text(registered, "client_id");
        String clientSecret = text(registered, "client_secret");
        if (clientId == null || clientSecret == null) {
            throw new InvalidInputException("mastodon.notMastodon", "server", instance.getHost());
        }
        String verifier = verifier();
        URI authorize = URI.create(instance.resolve("/oauth/authorize") + "?response_type=code"
                + "&client_id=" + encode(clientId)
                + "&redirect_uri=" + encode(redirectUri.toString())
                + "&scope=" + encode(SCOPES)
                + "&state=" + encode(state)
                + "&code_challenge=" + challenge(verifier)
                + "&code_challenge_method=S256");
        return new OAuthStart(authorize, new OAuthStart.Pending(instance, clientId, clientSecret, verifier));
    }

    @Override
    public ConnectedAccount finish(OAuthStart.Pending pending, String code, URI redirectUri) {
        URI instance = instance(pending.server());
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("grant_type", List.of("authorization_code"));
        form.put("code", List.of(code));
        form.put("client_id", List.of(pending.clientId()));
        form.put("client_secret", List.of(pending.clientSecret()));
        form.put("redirect_uri", List.of(redirectUri.toString()));
        form.put("code_verifier", List.of(pending.codeVerifier()));
        JsonNode token;
        try {
            token = connecting(instance, () -> api.anonymous(HttpRequest.newBuilder(instance.resolve("/oauth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(MastodonApi.form(form)))).json());
        } catch (InvalidInputException e) {
            if (!e.messageKey().equals("mastodon.appRefused")) {
                throw e;
            }
            // 400 invalid_grant (code refused, expired, reused, wrong verifier) or 401 invalid_client
            throw new InvalidInputException("mastodon.authorizationRefused", null, instance.getHost());
        }
        String accessToken = text(token, "access_token");
        if (accessToken == null) {
            throw new InvalidInputException("mastodon.notMastodon", "server", instance.getHost());
        }
        Credentials credentials = new Credentials(accessToken, null, null,
                Map.of(CLIENT_ID, pending.clientId(), CLIENT_SECRET, pending.clientSecret()));
        AccountContext context = new AccountContext(null, null, null, instance, credentials);
        String domain = localDomain(context);
        JsonNode account = api.get(context, "/api/v1/accounts/verify_credentials").json();
        AccountInfo info = MastodonConnector.accountInfo(account, domain);
        return new ConnectedAccount(info, instance, credentials);
    }

    /**
     * The domain of the handles of this instance ({@code domain} of {@code /api/v2/instance}), which
     * may differ from the host of its web address; the host when the instance does not say.
     */
    private String localDomain(AccountContext context) {
        try {
            String domain = text(api.get(context, "/api/v2/instance").json(), "domain");
            if (domain != null && !domain.isBlank()) {
                return domain.toLowerCase(Locale.ROOT);
            }
        } catch (ConnectorException e) {
            if (e.kind() == Kind.AUTH_REVOKED || e.kind() == Kind.RATE_LIMITED) {
                throw e;
            }
        }
        return context.baseUrl().getHost().toLowerCase(Locale.ROOT);
    }

    /** The instance's origin, from what the user typed ({@code mastodon.social} or a whole URL). */
    URI instance(URI server) {
        if (server == null || server.toString().isBlank()) {
            throw new InvalidInputException("mastodon.serverRequired", "server");
        }
        String typed = server.toString().strip();
        if (!typed.contains("://")) {
            typed = "https://" + typed;
        }
        URI checked = guard.check(typed, "server");
        String scheme = checked.getScheme().toLowerCase(Locale.ROOT);
        int port = checked.getPort();
        return URI.create(scheme + "://" + checked.getHost() + (port < 0 ? "" : ":" + port) + "/");
    }

    /**
     * Calls made while the user waits on the connection form: failures become form errors on the
     * {@code server} field, except those Parvis should retry on its own (rate limits).
     */
    private static JsonNode connecting(URI instance, java.util.function.Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (ConnectorException e) {
            String host = instance.getHost();
            switch (e.kind()) {
                case NOT_FOUND, MALFORMED_RESPONSE -> throw new InvalidInputException("mastodon.notMastodon", "server",
                        host);
                case UNAVAILABLE, OUTCOME_UNKNOWN -> throw new InvalidInputException("mastodon.unreachable", "server",
                        host);
                case INVALID_REQUEST, AUTH_REVOKED, AUTH_EXPIRED -> throw new InvalidInputException(
                        "mastodon.appRefused", "server", host, e.arguments().length > 0 ? e.arguments()[0] : "");
                default -> throw e;
            }
        }
    }

    static String verifier() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** PKCE S256: BASE64URL(SHA-256(ASCII(verifier))), without padding (RFC 7636 §4.2). */
    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
