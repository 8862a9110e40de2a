package fr.parvis.channels.spi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a network allows and how it counts: shown to users on the account page and checked before
 * any publication.
 *
 * @param maxTextLength the longest text, as {@code counter} counts it
 * @param maxImageBytes the largest image the network accepts
 * @param imageTypes accepted media types of images
 * @param maxAltTextLength the longest alternative text of an image
 * @param links whether a link can be attached (card or facet)
 * @param replies whether a post can answer another
 * @param interactions the kinds of interactions the connector reads
 * @param moderation the actions the network allows on third-party interactions
 * @param minimumScheduleLead the shortest delay of native scheduling, or {@code null} without it
 * @param rateLimits a short description of the network's rate limits (shown as is)
 * @param video what the network accepts of videos ({@link VideoLimits#NONE} without video)
 */
public record NetworkProfile(Network network, int maxTextLength, TextCounter counter, int maxImages,
        long maxImageBytes, Set<String> imageTypes, int maxAltTextLength, boolean links, boolean replies,
        Set<InteractionType> interactions, Set<ModerationAction> moderation, Duration minimumScheduleLead,
        String rateLimits, VideoLimits video) {

    /**
     * What a network accepts of videos. Parvis does not transcode: a video over these limits is
     * refused before any call, with the limit in the message.
     *
     * @param maxVideos videos per post (0: no video on this network through Parvis)
     * @param maxBytes the largest video
     * @param maxDuration the longest video, or {@code null} when the network sets no limit
     * @param types accepted media types
     * @param maxAltTextLength the longest description of a video
     * @param withImages whether a post may carry images and a video together
     * @param subtitlesTrack whether the network takes a subtitles track with the video (else the
     *     subtitles must be in the picture, or are not sent)
     * @param maxSubtitlesBytes the largest WebVTT track (0: no limit of its own)
     */
    public record VideoLimits(int maxVideos, long maxBytes, Duration maxDuration, Set<String> types,
            int maxAltTextLength, boolean withImages, boolean subtitlesTrack, long maxSubtitlesBytes) {

        /** No video. */
        public static final VideoLimits NONE = new VideoLimits(0, 0, null, Set.of(), 0, false, false, 0);

        public VideoLimits {
            types = Set.copyOf(types);
        }

        public boolean supported() {
            return maxVideos > 0;
        }
    }

    public NetworkProfile {
        imageTypes = Set.copyOf(imageTypes);
        interactions = Set.copyOf(interactions);
        moderation = Set.copyOf(moderation);
        video = video == null ? VideoLimits.NONE : video;
    }

    /** A network without video. */
    public NetworkProfile(Network network, int maxTextLength, TextCounter counter, int maxImages, long maxImageBytes,
            Set<String> imageTypes, int maxAltTextLength, boolean links, boolean replies,
            Set<InteractionType> interactions, Set<ModerationAction> moderation, Duration minimumScheduleLead,
            String rateLimits) {
        this(network, maxTextLength, counter, maxImages, maxImageBytes, imageTypes, maxAltTextLength, links, replies,
                interactions, moderation, minimumScheduleLead, rateLimits, VideoLimits.NONE);
    }

    /** The problems that forbid publishing this draft here; empty when it can be sent. */
    public List<DraftProblem> check(PostDraft draft) {
        List<DraftProblem> problems = new ArrayList<>();
        String text = draft.text() == null ? "" : draft.text();
        int length = counter.count(text);
        if (text.isBlank() && draft.images().isEmpty() && draft.videos().isEmpty()) {
            problems.add(new DraftProblem("draft.empty", "text"));
        }
        if (length > maxTextLength) {
            problems.add(new DraftProblem("draft.textTooLong", "text", length - maxTextLength, maxTextLength));
        }
        if (draft.images().size() > maxImages) {
            problems.add(new DraftProblem("draft.tooManyImages", "images", draft.images().size(), maxImages));
        }
        for (int i = 0; i < draft.images().size(); i++) {
            ImageAttachment image = draft.images().get(i);
            String field = "images[" + i + "]";
            if (!imageTypes.contains(image.mediaType())) {
                problems.add(new DraftProblem("draft.imageType", field, i + 1, image.mediaType()));
            }
            if (image.size() > maxImageBytes) {
                problems.add(new DraftProblem("draft.imageTooLarge", field, i + 1, image.size() / 1024,
                        maxImageBytes / 1024));
            }
            if (image.altText() == null || image.altText().isBlank()) {
                problems.add(new DraftProblem("draft.altTextMissing", field, i + 1));
            } else if (image.altText().length() > maxAltTextLength) {
                problems.add(new DraftProblem("draft.altTextTooLong", field, i + 1, maxAltTextLength));
            }
        }
        checkVideos(draft, problems);
        if (draft.link() != null && !links) {
            problems.add(new DraftProblem("draft.linksUnsupported", "link"));
        }
        if (draft.replyTo() != null && !replies) {
            problems.add(new DraftProblem("draft.repliesUnsupported", "replyTo"));
        }
        return problems;
    }

    private void checkVideos(PostDraft draft, List<DraftProblem> problems) {
        List<VideoAttachment> videos = draft.videos();
        if (videos.isEmpty()) {
            return;
        }
        if (!video.supported()) {
            problems.add(new DraftProblem("draft.videoUnsupported", "videos"));
            return;
        }
        if (videos.size() > video.maxVideos()) {
            problems.add(new DraftProblem("draft.tooManyVideos", "videos", videos.size(), video.maxVideos()));
        }
        if (!draft.images().isEmpty() && !video.withImages()) {
            problems.add(new DraftProblem("draft.videoWithImages", "videos"));
        }
        for (int i = 0; i < videos.size(); i++) {
            VideoAttachment v = videos.get(i);
            String field = "videos[" + i + "]";
            if (!video.types().contains(v.mediaType())) {
                problems.add(new DraftProblem("draft.videoType", field, i + 1, v.mediaType(),
                        String.join(", ", new java.util.TreeSet<>(video.types()))));
            }
            if (v.size() > video.maxBytes()) {
                problems.add(new DraftProblem("draft.videoTooLarge", field, i + 1, VideoAttachment.megabytes(v.size()),
                        VideoAttachment.megabytes(video.maxBytes())));
            }
            if (v.duration() != null && video.maxDuration() != null && v.duration().compareTo(video.maxDuration()) > 0) {
                problems.add(new DraftProblem("draft.videoTooLong", field, i + 1, v.duration().toSeconds(),
                        video.maxDuration().toSeconds()));
            }
            if (v.altText() != null && v.altText().length() > video.maxAltTextLength()) {
                problems.add(new DraftProblem("draft.videoAltTooLong", field, i + 1, video.maxAltTextLength()));
            }
            if (!v.subtitled()) {
                problems.add(new DraftProblem("draft.videoSubtitlesMissing", field, i + 1));
            } else if (v.subtitles() != null && video.subtitlesTrack() && video.maxSubtitlesBytes() > 0
                    && v.subtitles().bytes().length > video.maxSubtitlesBytes()) {
                problems.add(new DraftProblem("draft.videoSubtitlesTooLarge", field, i + 1,
                        (v.subtitles().bytes().length + 1023) / 1024, video.maxSubtitlesBytes() / 1000));
            }
        }
    }
}
