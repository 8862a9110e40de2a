package fr.parvis.channels.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What {@link NetworkProfile#check} says of videos, and what a {@link VideoAttachment} reads. */
class VideoDraftChecksTests {

    static final NetworkProfile.VideoLimits LIMITS = new NetworkProfile.VideoLimits(1, 1_000, Duration.ofSeconds(60),
            Set.of("video/mp4"), 20, false, true, 100);

    static NetworkProfile profile(NetworkProfile.VideoLimits video) {
        return new NetworkProfile(Network.YOUTUBE, 500, TextCounter.CODE_POINTS, 4, 1_000_000, Set.of("image/png"),
                1500, true, true, Set.of(), Set.of(), null, "", video);
    }

    static VideoAttachment video(int size, String type, String alt, VideoAttachment.Subtitles subtitles,
            boolean burnedIn, Duration duration) {
        return VideoAttachment.of(new byte[size], type, alt, subtitles, burnedIn, duration, null, null);
    }

    static List<String> problems(NetworkProfile profile, List<ImageAttachment> images, VideoAttachment... videos) {
        return profile.check(new PostDraft("", images, null, null, "fr", null, List.of(videos))).stream()
                .map(DraftProblem::messageKey).toList();
    }

    static final VideoAttachment.Subtitles VTT = new VideoAttachment.Subtitles("WEBVTT\n\n00:00.000 --> 00:01.000\nA\n",
            null);

    @Test
    void aVideoAloneIsAPostWhenItFits() {
        assertThat(problems(profile(LIMITS), List.of(), video(1_000, "video/mp4", "Vœux", VTT, false,
                Duration.ofSeconds(60)))).isEmpty();
        assertThat(VTT.language()).isEqualTo("fr");
    }

    @Test
    void eachLimitIsReportedWithTheNetworksValue() {
        assertThat(problems(profile(NetworkProfile.VideoLimits.NONE), List.of(), video(10, "video/mp4", null, VTT,
                false, null))).containsExactly("draft.videoUnsupported");
        assertThat(problems(profile(LIMITS), List.of(), video(10, "video/mp4", null, VTT, false, null),
                video(10, "video/mp4", null, VTT, false, null))).containsExactly("draft.tooManyVideos");
        assertThat(problems(profile(LIMITS), List.of(new ImageAttachment(new byte[10], "image/png", "Plan")),
                video(10, "video/mp4", null, VTT, false, null))).containsExactly("draft.videoWithImages");
        assertThat(problems(profile(LIMITS), List.of(), video(10, "video/webm", null, VTT, false, null)))
                .containsExactly("draft.videoType");
        assertThat(problems(profile(LIMITS), List.of(), video(1_001, "video/mp4", null, VTT, false, null)))
                .containsExactly("draft.videoTooLarge");
        assertThat(problems(profile(LIMITS), List.of(), video(10, "video/mp4", null, VTT, false,
                Duration.ofSeconds(61)))).containsExactly("draft.videoTooLong");
        assertThat(problems(profile(LIMITS), List.of(), video(10, "video/mp4", "x".repeat(21), VTT, false, null)))
                .containsExactly("draft.videoAltTooLong");
        assertThat(problems(profile(LIMITS), List.of(), video(10, "video/mp4", null, null, false, null)))
                .containsExactly("draft.videoSubtitlesMissing");
        assertThat(problems(profile(LIMITS), List.of(), video(10, "video/mp4", null,
                new VideoAttachment.Subtitles("WEBVTT\n\n" + "x".repeat(200), "fr"), false, null)))
                .containsExactly("draft.videoSubtitlesTooLarge");
        // subtitles in the picture are enough
        assertThat(problems(profile(LIMITS), List.of(), video(10, "video/mp4", null, null, true, null))).isEmpty();
        DraftProblem tooLarge = profile(LIMITS).check(new PostDraft("", List.of(), null, null, "fr", null,
                List.of(video(2_500_000, "video/mp4", null, VTT, false, null)))).get(0);
        assertThat(tooLarge.arguments()).containsExactly(1, "2,5", "0,0");
    }

    @Test
    void theSixArgumentDraftHasNoVideoAndKeysAreReplacedWithoutLosingIt() {
        PostDraft plain = new PostDraft("Bonjour", List.of(), URI.create("https://ville.example"), null, null, "k");
        assertThat(plain.videos()).isEmpty();
        PostDraft withVideo = plain.withVideos(List.of(video(10, "video/mp4", null, VTT, false, null)));
        assertThat(withVideo.withIdempotencyKey("k2")).satisfies(d -> {
            assertThat(d.videos()).hasSize(1);
            assertThat(d.idempotencyKey()).isEqualTo("k2");
            assertThat(d.link()).isEqualTo(plain.link());
        });
    }

    @Test
    void theBytesAreReadOnlyWhenAskedAndNeverBeyondTheLimit() {
        AtomicInteger opened = new AtomicInteger();
        VideoAttachment lying = new VideoAttachment("video/mp4", 10, () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(new byte[5_000]);
        }, null, null, true, null, null, null);
        assertThat(opened).hasValue(0);
        assertThatThrownBy(() -> lying.readAll(100)).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.messageKey()).isEqualTo("draft.videoTooLarge"));
        assertThat(opened).hasValue(1);
        VideoAttachment big = new VideoAttachment("video/mp4", 5_000, () -> {
            throw new AssertionError("a video over the limit is not read");
        }, null, null, true, null, null, null);
        assertThatThrownBy(() -> big.readAll(100)).isInstanceOf(ConnectorException.class);
        assertThat(VideoAttachment.of(new byte[] {1, 2, 3}, "video/mp4", null, null, true, null, null, null)
                .readAll(3)).containsExactly(1, 2, 3);
    }
}
