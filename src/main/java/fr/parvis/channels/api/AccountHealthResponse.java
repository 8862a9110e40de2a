package fr.parvis.channels.api;

import fr.parvis.channels.AccountEventView;
import fr.parvis.channels.AccountHealthView;
import fr.parvis.channels.SocialAccountView;
import fr.parvis.channels.spi.InteractionType;
import fr.parvis.channels.spi.ModerationAction;
import fr.parvis.channels.spi.NetworkProfile;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** An account and its health, as the API returns it. */
@Schema(name = "AccountHealth", description = "Un compte social, son état et ce que permet son réseau")
record AccountHealthResponse(SocialAccountView account, Instant tokenExpiresAt, boolean refreshable,
        String circuitState, List<AccountEventView> recentEvents, Limits limits, long posts, long interactions) {

    static AccountHealthResponse of(AccountHealthView health) {
        NetworkProfile p = health.profile();
        Limits limits = p == null ? null : new Limits(p.maxTextLength(), p.maxImages(), p.maxImageBytes(),
                p.imageTypes(), p.maxAltTextLength(), p.links(), p.replies(), p.interactions(), p.moderation(),
                p.minimumScheduleLead() == null ? null : p.minimumScheduleLead().toMinutes(), p.rateLimits());
        return new AccountHealthResponse(health.account(), health.tokenExpiresAt(), health.refreshable(),
                health.circuitState(), health.recentEvents(), limits, health.posts(), health.interactions());
    }

    /** What the account's network allows. */
    @Schema(name = "NetworkLimits")
    record Limits(int maxTextLength, int maxImages, long maxImageBytes, Set<String> imageTypes, int maxAltTextLength,
            boolean links, boolean replies, Set<InteractionType> interactions, Set<ModerationAction> moderation,
            Long minimumScheduleLeadMinutes, String rateLimits) {
    }
}
