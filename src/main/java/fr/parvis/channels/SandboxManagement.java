package fr.parvis.channels;

import fr.parvis.channels.domain.SocialAccount;
import fr.parvis.channels.domain.SocialAccounts;
import fr.parvis.channels.sandbox.SandboxHistory;
import fr.parvis.channels.sandbox.SandboxNetwork;
import fr.parvis.channels.sandbox.domain.SandboxInteraction;
import fr.parvis.channels.spi.InteractionType;
import fr.parvis.channels.spi.Network;
import fr.parvis.compliance.AuditDetails;
import fr.parvis.compliance.AuditRecord;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.NotFoundException;
import fr.parvis.shared.Texts;
import fr.parvis.territory.Permission;
import fr.parvis.territory.access.Actors;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import fr.parvis.channels.sandbox.domain.SandboxPostVideo;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The Sandbox, seen from the collectivité: speaking as its audience (to demonstrate or train: "a
 * citizen comments this post") and giving a demo account its past. What the audience does is
 * stored on the simulated network; Parvis reads it like any network, through the sync.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class SandboxManagement {

    /** The longest text of an audience interaction (code points). */
    public static final int MAX_TEXT = 2000;

    private final SocialAccounts accounts;
    private final SandboxNetwork network;
    private final SandboxHistory history;
    private final AuditTrail audit;

    SandboxManagement(SocialAccounts accounts, SandboxNetwork network, SandboxHistory history, AuditTrail audit) {
        this.accounts = accounts;
        this.network = network;
        this.history = history;
        this.audit = audit;
    }

    /** What the audience does: its type (enum name), target post, author and text. */
    public record AudienceInteraction(String type, String postExternalId, String parentExternalId,
            String authorHandle, String authorName, String text) {
    }

    /**
     * Makes a member of the audience interact with a Sandbox account of the collectivité (comment,
     * reply, mention, private message, reaction or share).
     */
    @Transactional
    public SandboxInteractionView interact(@NotNull UUID accountId, @NotNull AudienceInteraction request) {
        Actors.require(Permission.CHANNELS_MANAGE);
        SocialAccount account = accounts.findById(accountId)
                .orElseThrow(() -> new NotFoundException("account.notFound"));
        if (account.network() != Network.SANDBOX) {
            throw new InvalidInputException("sandbox.audience.notSandbox", "accountId", account.handle());
        }
        UUID sandboxId = sandboxId(account);
        InteractionType type = type(request.type());
        if (Texts.clean(request.authorName()) != null && request.authorName().strip().length() > 200) {
            throw new InvalidInputException("sandbox.audience.authorNameTooLong", "authorName", 200);
        }
        SandboxInteraction created = network.receive(sandboxId, new SandboxNetwork.Incoming(type,
                request.postExternalId(), request.parentExternalId(), request.authorHandle(), request.authorName(),
                request.text()));
        audit.record(new AuditRecord("channels.sandbox.audience", "social-account", account.id().toString(),
                account.network() + " " + account.handle(), AuditDetails.of("type", type.name(), "interaction",
                        created.externalId())));
        return new SandboxInteractionView(created.externalId(), created.type(), created.postExternalId(),
                created.parentId(), "@" + created.authorHandle(), created.authorName(), created.text(),
                created.occurredAt());
    }

    /**
     * Gives a Sandbox account just created in the current collectivité a past of {@code days} days
     * (demo). Returns how many posts and interactions were written.
     */
    @Transactional
    public SandboxHistoryReport writeHistory(@NotNull UUID accountId, @Min(1) @Max(365) int days,
            @Min(0) @Max(10_000_000) long baseFollowers) {
        Actors.require(Permission.CHANNELS_MANAGE);
        return history.write(accountId, days, baseFollowers);
    }

    /**
     * A video the Sandbox keeps with a post, without its bytes.
     *
     * @param position from 1, in the post
     * @param subtitlesLanguage the language of its WebVTT subtitles, {@code null} without a subtitles file
     */
    public record VideoView(String postExternalId, int position, String mediaType, long sizeBytes, String altText,
            String subtitlesLanguage, boolean burnedInSubtitles) {
    }

    /** A file of a Sandbox post's video: the video itself or its WebVTT subtitles. */
    public record VideoFile(String mediaType, byte[] content) {

        @Override
        public String toString() {
            return "VideoFile[" + mediaType + ", " + content.length + " bytes]";
        }
    }

    /** The videos kept by the Sandbox for these posts of an account (none for another network). */
    public Map<String, List<VideoView>> videos(@NotNull UUID accountId, @NotNull List<String> postExternalIds) {
        SocialAccount account = accounts.findById(accountId)
                .orElseThrow(() -> new NotFoundException("account.notFound"));
        if (account.network() != Network.SANDBOX || postExternalIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<VideoView>> views = new LinkedHashMap<>();
        network.videos(sandboxId(account), postExternalIds.stream().limit(100).toList()).forEach((post, list) ->
                views.put(post, list.stream().map(v -> new VideoView(post, v.getPosition(), v.getMediaType(),
                        v.getSizeBytes(), v.getAltText(), v.getSubtitlesLanguage(), v.isBurnedIn())).toList()));
        return views;
    }

    /** The bytes of a video of a Sandbox post; not found when there is none. */
    public VideoFile videoFile(@NotNull UUID accountId, @NotNull String postExternalId, int position) {
        SandboxPostVideo video = video(accountId, postExternalId, position);
        return new VideoFile(video.mediaType(), video.content());
    }

    /** The WebVTT subtitles of a video of a Sandbox post; not found when it has none. */
    public VideoFile subtitlesFile(@NotNull UUID accountId, @NotNull String postExternalId, int position) {
        SandboxPostVideo video = video(accountId, postExternalId, position);
        if (video.subtitles() == null) {
            throw new NotFoundException("sandbox.video.notFound");
        }
        return new VideoFile("text/vtt", video.subtitles().getBytes(StandardCharsets.UTF_8));
    }

    private SandboxPostVideo video(UUID accountId, String postExternalId, int position) {
        SocialAccount account = accounts.findById(accountId)
                .orElseThrow(() -> new NotFoundException("account.notFound"));
        if (account.network() != Network.SANDBOX) {
            throw new NotFoundException("sandbox.video.notFound");
        }
        return network.video(sandboxId(account), postExternalId, position)
                .orElseThrow(() -> new NotFoundException("sandbox.video.notFound"));
    }

    private static UUID sandboxId(SocialAccount account) {
        try {
            return UUID.fromString(account.externalId());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("sandbox.audience.notSandbox", "accountId", account.handle());
        }
    }

    private static InteractionType type(String type) {
        String value = Texts.clean(type);
        if (value == null) {
            throw new InvalidInputException("sandbox.audience.typeRequired", "type");
        }
        try {
            return InteractionType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("sandbox.audience.typeUnknown", "type", Texts.abbreviate(value, 40),
                    String.join(", ", Arrays.stream(InteractionType.values()).map(Enum::name).toList()));
        }
    }
}
