package fr.parvis.territory;

import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.NotFoundException;
import fr.parvis.shared.Texts;
import fr.parvis.shared.UserId;
import fr.parvis.shared.tenancy.Tenancy;
import fr.parvis.territory.access.Actors;
import fr.parvis.territory.access.ApiTokenSecrets;
import fr.parvis.territory.access.AuthChannel;
import fr.parvis.territory.access.ParvisAuthentication;
import fr.parvis.territory.domain.ApiToken;
import fr.parvis.territory.domain.ApiTokens;
import fr.parvis.territory.domain.Memberships;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Personal access tokens for the API. Each token belongs to one agent in one collectivité, with a
 * role no higher than the agent's; it expires (at most after a year) and can be revoked by its
 * owner or an administrator.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class ApiTokenManagement {

    private final ApiTokens tokens;
    private final Memberships memberships;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokenManagement(ApiTokens tokens, Memberships memberships, ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.memberships = memberships;
        this.events = events;
        this.clock = clock;
    }

    /** The current agent's tokens in the current collectivité. */
    public List<ApiTokenView> mine() {
        ParvisAuthentication agent = Actors.requireAgent();
        return views(tokens.findByUserIdOrderByCreatedAtDesc(agent.userId().value()));
    }

    /** Every token of the current collectivité (administrators). */
    public List<ApiTokenView> all() {
        Actors.require(Permission.TOKENS_ADMINISTER);
        return views(tokens.findAllByOrderByCreatedAtDesc());
    }

    public ApiTokenView get(UUID id) {
        ApiToken token = loadVisible(id);
        return views(List.of(token)).get(0);
    }

    /** Creates a token for the current agent; the secret is returned once and never stored. */
    @Transactional
    public CreatedApiToken create(@Valid NewApiToken request) {
        ParvisAuthentication agent = Actors.requireAgent();
        if (agent.channel() == AuthChannel.API_TOKEN) {
            throw new AccessDeniedException("Tokens are created from a browser session");
        }
        if (!agent.role().covers(request.role())) {
            throw new InvalidInputException("token.role.tooHigh", "role");
        }
        Instant now = clock.instant();
        String secret = ApiTokenSecrets.generate();
        ApiToken token = tokens.saveAndFlush(new ApiToken(agent.userId().value(), Texts.clean(request.name()),
                ApiTokenSecrets.displayPrefix(secret), ApiTokenSecrets.hash(secret), request.role(),
                now.plus(Duration.ofDays(request.validityDays()))));
        events.publishEvent(new ApiTokenCreated(Tenancy.require(), token.id(), token.name(), token.role(),
                token.expiresAt()));
        return new CreatedApiToken(views(List.of(token)).get(0), secret);
    }

    /**
     * Registers a secret chosen by the operator (the demo's {@code PARVIS_DEMO_API_TOKEN}) as a token
     * of the given member, unless this collectivité already has it. Platform only.
     */
    @Transactional
    public ApiTokenView registerOperatorSecret(UserId owner, String name, String secret, Role role, Duration validity) {
        if (Actors.currentSystem().isEmpty()) {
            throw new AccessDeniedException("Platform operation");
        }
        if (!ApiTokenSecrets.looksLikeSecret(secret)) {
            throw new InvalidInputException("token.secret.invalid", "secret");
        }
        String hash = ApiTokenSecrets.hash(secret);
        java.util.Optional<ApiToken> existing = tokens.findByTokenHash(hash);
        if (existing.isPresent()) {
            return views(List.of(existing.get())).get(0);
        }
        ApiToken token = tokens.saveAndFlush(new ApiToken(owner.value(), name, ApiTokenSecrets.displayPrefix(secret),
                hash, role, clock.instant().plus(validity)));
        events.publishEvent(new ApiTokenCreated(Tenancy.require(), token.id(), token.name(), token.role(),
                token.expiresAt()));
        return views(List.of(token)).get(0);
    }

    /** Revokes a token: the owner's own, or any with {@link Permission#TOKENS_ADMINISTER}. */
    @Transactional
    public ApiTokenView revoke(UUID id) {
        ApiToken token = loadVisible(id);
        if (!token.revoked()) {
            UUID by = Actors.currentAgent().map(a -> a.userId().value()).orElse(null);
            token.revoke(by, clock.instant());
            tokens.flush();
            events.publishEvent(new ApiTokenRevoked(Tenancy.require(), token.id(), token.name(),
                    new UserId(token.userId())));
        }
        return views(List.of(token)).get(0);
    }

    private ApiToken loadVisible(UUID id) {
        ApiToken token = tokens.findById(id).orElseThrow(() -> new NotFoundException("token.notFound"));
        boolean own = Actors.currentAgent().map(a -> a.userId().value().equals(token.userId())).orElse(false);
        if (!own && !Actors.has(Permission.TOKENS_ADMINISTER)) {
            throw new NotFoundException("token.notFound");
        }
        return token;
    }

    private List<ApiTokenView> views(List<ApiToken> list) {
        Map<UUID, String> names = memberships.findAllWithUsers().stream()
                .collect(Collectors.toMap(m -> m.user().id(), m -> m.user().displayName(), (a, b) -> a));
        Instant now = clock.instant();
        return list.stream().map(t -> new ApiTokenView(t.id(), t.name(), t.tokenPrefix(), t.role(),
                new UserId(t.userId()), names.getOrDefault(t.userId(), "—"), t.createdAt(), t.expiresAt(),
                t.revokedAt(), t.lastUsedAt(), t.lastUsedIp(),
                t.revoked() ? ApiTokenView.TokenStatus.REVOKED
                        : t.expiredAt(now) ? ApiTokenView.TokenStatus.EXPIRED : ApiTokenView.TokenStatus.ACTIVE))
                .toList();
    }
}
