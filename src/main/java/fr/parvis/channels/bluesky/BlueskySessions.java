package fr.parvis.channels.bluesky;

import static fr.parvis.channels.bluesky.Xrpc.text;

import fr.parvis.channels.bluesky.Xrpc.Safety;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.AccountInfo;
import fr.parvis.channels.spi.ConnectFlow;
import fr.parvis.channels.spi.ConnectedAccount;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.ConnectorException.Kind;
import fr.parvis.channels.spi.CredentialRefresh;
import fr.parvis.channels.spi.Credentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Bluesky sessions with an app password: {@code com.atproto.server.createSession} at connection
 * (at the service the user named, bsky.social by default), then {@code refreshSession} before the
 * access token expires (its expiry is read from the token itself). The account's PDS is the one its
 * DID document names, when the service says so; else the service itself.
 *
 * <p>The app password is kept in the credential vault with the tokens: when the refresh token is
 * refused (expired after 90 days, or the session revoked), a new session is opened with it, and only
 * a refused app password asks the team to reconnect the account.
 */
final class BlueskySessions implements ConnectFlow.AppPassword, CredentialRefresh {

    static final URI DEFAULT_SERVICE = URI.create("https://bsky.social");
    static final String DID = "did";
    static final String SERVICE = "service";
    static final String APP_PASSWORD = "appPassword";

    /** Access tokens last two hours; the refresh job runs every five minutes. */
    static final Duration REFRESH_BEFORE = Duration.ofMinutes(15);

    private final Xrpc xrpc;
    private final java.util.function.Function<AccountContext, AccountInfo> describe;

    BlueskySessions(Xrpc xrpc, java.util.function.Function<AccountContext, AccountInfo> describe) {
        this.xrpc = xrpc;
        this.describe = describe;
    }

    @Override
    public ConnectedAccount connect(String identifier, String appPassword, URI service) {
        URI checked = xrpc.checked(service == null ? DEFAULT_SERVICE : normalized(service));
        String login = identifier == null ? "" : identifier.strip();
        if (login.startsWith("@")) {
            login = login.substring(1);
        }
        if (login.isEmpty() || appPassword == null || appPassword.isBlank()) {
            throw ConnectorException.of(Kind.INVALID_REQUEST, "bluesky.identifierRequired");
        }
        JsonNode session;
        try {
            session = xrpc.call(checked, "com.atproto.server.createSession", "POST",
                    Map.of("identifier", login, "password", appPassword.strip()), null, Safety.RETRYABLE);
        } catch (ConnectorException e) {
            throw connectionFailure(e, checked);
        }
        String did = Xrpc.required(session, "did");
        URI pds = pds(session.path("didDoc")).map(this::acceptable).orElse(checked);
        Credentials credentials = credentials(session, did, checked, appPassword.strip());
        AccountContext context = new AccountContext(UUID.randomUUID(), did, text(session, "handle"), pds, credentials);
        AccountInfo info = describe.apply(context);
        return new ConnectedAccount(info, pds, credentials);
    }

    @Override
    public Duration refreshBefore() {
        return REFRESH_BEFORE;
    }

    @Override
    public Credentials refresh(AccountContext account) {
        Credentials current = account.credentials();
        if (current.refreshToken() != null) {
            try {
                // at the service that opened the session (bsky.social's entryway issues the tokens of
                // the accounts it hosts on its PDSes), like Bluesky's own client
                JsonNode session = xrpc.call(xrpc.checked(service(account)), "com.atproto.server.refreshSession",
                        "POST", null, current.refreshToken(), Safety.RETRYABLE);
                return credentials(session, current.extra(DID) != null ? current.extra(DID) : account.externalId(),
                        service(account), current.extra(APP_PASSWORD));
            } catch (ConnectorException e) {
                if (!e.needsReconnection() || current.extra(APP_PASSWORD) == null) {
                    throw e.needsReconnection()
                            ? new ConnectorException(Kind.AUTH_REVOKED, "bluesky.sessionRefused", null, e) : e;
                }
            }
        }
        if (current.extra(APP_PASSWORD) == null) {
            throw ConnectorException.of(Kind.AUTH_REVOKED, "bluesky.sessionRefused");
        }
        URI service = xrpc.checked(service(account));
        String identifier = account.externalId() != null ? account.externalId() : account.handle();
        try {
            JsonNode session = xrpc.call(service, "com.atproto.server.createSession", "POST",
                    Map.of("identifier", identifier, "password", current.extra(APP_PASSWORD)), null, Safety.RETRYABLE);
            return credentials(session, Xrpc.required(session, "did"), service, current.extra(APP_PASSWORD));
        } catch (ConnectorException e) {
            throw e.needsReconnection() ? new ConnectorException(Kind.AUTH_REVOKED, "bluesky.appPasswordRefused",
                    null, e) : e;
        }
    }

    private static URI service(AccountContext account) {
        String service = account.credentials().extra(SERVICE);
        return service != null ? URI.create(service) : account.baseUrl() != null ? account.baseUrl() : DEFAULT_SERVICE;
    }

    private Credentials credentials(JsonNode session, String did, URI service, String appPassword) {
        String access = Xrpc.required(session, "accessJwt");
        String refresh = Xrpc.required(session, "refreshJwt");
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put(DID, did);
        extra.put(SERVICE, service.toString());
        if (appPassword != null) {
            extra.put(APP_PASSWORD, appPassword);
        }
        return new Credentials(access, refresh, expiry(access, xrpc.clock().instant()), extra);
    }

    /** The {@code exp} claim of a JWT (not verified: the PDS does that); one hour from now if unreadable. */
    Instant expiry(String jwt, Instant now) {
        String[] parts = jwt.split("\\.");
        if (parts.length >= 2) {
            try {
                byte[] payload = Base64.getUrlDecoder().decode(parts[1].replace("=", ""));
                JsonNode claims = xrpc.json().readTree(new String(payload, StandardCharsets.UTF_8));
                JsonNode exp = claims.get("exp");
                if (exp != null && exp.isNumber()) {
                    return Instant.ofEpochSecond(exp.asLong());
                }
            } catch (IllegalArgumentException | JacksonException e) {
                // unreadable: fall back below
            }
        }
        return now.plus(Duration.ofHours(1));
    }

    /** The {@code #atproto_pds} service endpoint of a DID document. */
    static java.util.Optional<URI> pds(JsonNode didDoc) {
        for (JsonNode service : didDoc.path("service")) {
            String id = text(service, "id");
            if (id != null && id.endsWith("#atproto_pds")
                    && "AtprotoPersonalDataServer".equals(text(service, "type"))) {
                return java.util.Optional.ofNullable(Xrpc.uri(text(service, "serviceEndpoint")));
            }
        }
        return java.util.Optional.empty();
    }

    /** The PDS named by the DID document, if Parvis may call it; else the service is used. */
    private URI acceptable(URI pds) {
        try {
            return xrpc.checked(pds);
        } catch (ConnectorException e) {
            return null;
        }
    }

    private static URI normalized(URI service) {
        String value = service.toString().replaceAll("/+$", "");
        return URI.create(value);
    }

    private static ConnectorException connectionFailure(ConnectorException e, URI service) {
        if (e.kind() == Kind.AUTH_REVOKED && e.messageKey().equals("connector.authRevoked")) {
            return new ConnectorException(Kind.AUTH_REVOKED, "bluesky.badPassword", null, e);
        }
        if (e.kind() == Kind.NOT_FOUND || e.kind() == Kind.MALFORMED_RESPONSE) {
            return new ConnectorException(Kind.INVALID_REQUEST, "bluesky.notAtproto", null, e, service.getAuthority());
        }
        return e;
    }
}
