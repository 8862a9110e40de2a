package fr.parvis.publishing;

import fr.parvis.channels.ChannelPublishing;
import fr.parvis.channels.PublishingTarget;
import fr.parvis.channels.spi.ImageAttachment;
import fr.parvis.channels.spi.NetworkProfile;
import fr.parvis.channels.spi.VideoAttachment;
import fr.parvis.language.MediaDescription;
import fr.parvis.publishing.domain.Post;
import fr.parvis.publishing.domain.Variant;
import fr.parvis.publishing.jobs.PublicationContent;
import fr.parvis.publishing.media.MediaId;
import fr.parvis.publishing.media.MediaKind;
import fr.parvis.publishing.media.MediaLibrary;
import fr.parvis.publishing.media.MediaProblem;
import fr.parvis.publishing.media.MediaView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The media of the variants, through the media library: what each network accepts (count, types,
 * videos and their limits, archived media — the missing alternative text is the accessibility
 * rule's), their description for the accessibility lint, and at publication the images sized for
 * each network and the videos (never transcoded: a video over a network's limits is refused).
 */
@Component
class MediaRule implements PostRule, PostMedia, PublicationContent {

    private final MediaLibrary library;
    private final ChannelPublishing channels;

    MediaRule(MediaLibrary library, ChannelPublishing channels) {
        this.library = library;
        this.channels = channels;
    }

    @Override
    public List<CheckFinding> check(Post post, List<Variant> variants) {
        List<CheckFinding> findings = new ArrayList<>();
        for (Variant variant : variants) {
            if (variant.mediaIds().isEmpty()) {
                continue;
            }
            PublishingTarget target = channels.target(variant.accountId());
            if (target.profile() == null) {
                continue;
            }
            String label = target.label();
            List<MediaView> media = variant.mediaIds().stream().map(id -> library.get(new MediaId(id))).toList();
            long videos = media.stream().filter(m -> m.kind() == MediaKind.VIDEO).count();
            long images = media.size() - videos;
            if (images > target.profile().maxImages()) {
                findings.add(PostChecks.error("media.count." + variant.accountId(), variant.accountId(),
                        "draft.tooManyImages", List.of(images, target.profile().maxImages()), label));
            }
            NetworkProfile.VideoLimits limits = target.profile().video();
            if (videos > 0 && limits.supported() && videos > limits.maxVideos()) {
                findings.add(PostChecks.error("media.videoCount." + variant.accountId(), variant.accountId(),
                        "draft.tooManyVideos", List.of(videos, limits.maxVideos()), label));
            }
            if (videos > 0 && images > 0 && limits.supported() && !limits.withImages()) {
                findings.add(PostChecks.error("media.videoWithImages." + variant.accountId(), variant.accountId(),
                        "draft.videoWithImages", List.of(), label));
            }
            int position = 0;
            for (UUID id : variant.mediaIds()) {
                position++;
                for (MediaProblem problem : library.check(new MediaId(id), target.profile())) {
                    if (problem.code() == MediaProblem.Code.ALT_TEXT_MISSING) {
                        continue;
                    }
                    String code = "media." + problem.code() + "." + variant.accountId() + "." + id;
                    findings.add(problem.code() == MediaProblem.Code.SUBTITLES_NOT_SENT
                            ? PostChecks.warning(code, variant.accountId(), problem.messageKey(),
                                    Arrays.asList(problem.arguments()), label)
                            : PostChecks.error(code, variant.accountId(), problem.messageKey(),
                                    Arrays.asList(problem.arguments()), label));
                }
            }
        }
        return findings;
    }

    @Override
    public List<MediaDescription> describe(List<UUID> mediaIds) {
        List<MediaDescription> described = new ArrayList<>();
        for (UUID id : mediaIds) {
            MediaView media = library.get(new MediaId(id));
            described.add(media.kind() == MediaKind.VIDEO
                    ? MediaDescription.video(media.altText(), media.subtitles() != null || media.burnedInSubtitles())
                    : MediaDescription.image(media.altText()));
        }
        return described;
    }

    @Override
    public List<ImageAttachment> images(Variant variant) {
        if (variant.mediaIds().isEmpty()) {
            return List.of();
        }
        PublishingTarget target = channels.target(variant.accountId());
        return variant.mediaIds().stream().filter(id -> library.get(new MediaId(id)).kind() == MediaKind.IMAGE)
                .map(id -> library.renditionFor(new MediaId(id), target.profile())).toList();
    }

    @Override
    public List<VideoAttachment> videos(Variant variant) {
        if (variant.mediaIds().isEmpty()) {
            return List.of();
        }
        PublishingTarget target = channels.target(variant.accountId());
        return variant.mediaIds().stream().filter(id -> library.get(new MediaId(id)).kind() == MediaKind.VIDEO)
                .map(id -> library.videoFor(new MediaId(id), target.profile())).toList();
    }
}
