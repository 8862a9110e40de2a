package fr.parvis.publishing.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.parvis.channels.SocialAccountManagement;
import fr.parvis.channels.sandbox.SandboxNetwork;
import fr.parvis.channels.sandbox.domain.SandboxPostVideo;
import fr.parvis.channels.spi.Network;
import fr.parvis.channels.spi.NetworkProfile;
import fr.parvis.channels.spi.TextCounter;
import fr.parvis.channels.spi.VideoAttachment;
import fr.parvis.publishing.CheckFinding;
import fr.parvis.publishing.PostCommand;
import fr.parvis.publishing.PostStatus;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.PublishingFixtures;
import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.publishing.jobs.PublishingJobs;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.MutableClock;
import fr.parvis.test.TestTenants;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Video publication end to end: a real MP4 (its header read for duration and size) with SubRip
 * subtitles goes through the media library, the circuit and the publisher to the Sandbox, which keeps
 * the bytes, the description and the subtitles converted to WebVTT; and the refusals (no video on the
 * network, too big, too long, too many, with images, subtitles a network does not take).
 */
@IntegrationTest
class VideoPublishingIntegrationTests {

    static final String SRT = "1\n00:00:00,500 --> 00:00:02,000\nBonjour à toutes et à tous.\n\n"
            + "2\n00:00:02,000 --> 00:00:02,500\nBonne année\u00a0!\n";

    @Autowired
    PublishingFixtures fixtures;

    @Autowired
    TestTenants tenants;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    PublishingJobs jobs;

    @Autowired
    MediaLibrary library;

    @Autowired
    SandboxNetwork sandbox;

    @Autowired
    SocialAccountManagement accounts;

    @Autowired
    MessageSource messages;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static byte[] fixture() {
        try (InputStream in = VideoPublishingIntegrationTests.class.getResourceAsStream(
                "/fixtures/parvis-2500ms-320x180.mp4")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture with a {@code free} box after it: another file, the same video. */
    static byte[] anotherFixture() {
        byte[] base = fixture();
        byte[] padding = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[base.length + 8 + padding.length];
        System.arraycopy(base, 0, out, 0, base.length);
        int size = 8 + padding.length;
        out[base.length + 3] = (byte) size;
        System.arraycopy("free".getBytes(StandardCharsets.US_ASCII), 0, out, base.length + 4, 4);
        System.arraycopy(padding, 0, out, base.length + 8, padding.length);
        return out;
    }

    @Test
    void aVideoWithSubtitlesIsPublishedOnTheSandbox() {
        Team team = fixtures.team();
        byte[] mp4 = fixture();
        MediaView video = tenants.as(team.manager(), () -> library.upload(new MediaUpload("voeux.mp4", mp4,
                "Le maire présente ses vœux devant la mairie.", "voeux.srt", SRT.getBytes(StandardCharsets.UTF_8),
                false)));
        assertThat(video.kind()).isEqualTo(MediaKind.VIDEO);
        assertThat(video.durationMs()).isEqualTo(2500L);
        assertThat(video.width()).isEqualTo(320);
        assertThat(video.height()).isEqualTo(180);
        assertThat(video.subtitles()).isEqualTo(SubtitlesFormat.SUBRIP);

        Instant at = clock.instant().plus(Duration.ofHours(1));
        PostView post = tenants.as(team.manager(), () -> publishing.create(new PostCommand(null,
                "Les vœux du maire en vidéo.", null, null, false, at, List.of(new PostCommand.VariantCommand(
                        team.sandbox(), null, null, List.of(video.id().value()))))));
        assertThat(tenants.as(team.manager(), () -> publishing.check(post.id())).errors()).isEmpty();
        tenants.as(team.manager(), () -> publishing.submit(post.id(), Set.of()));
        tenants.as(team.elu(), () -> publishing.approve(post.id(), null));

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        jobs.dispatch();
        jobs.dispatch();
        PostView published = tenants.as(team.manager(), () -> publishing.get(post.id()));
        assertThat(published.status()).isEqualTo(PostStatus.PUBLISHED);
        String externalId = published.variants().get(0).externalId();
        UUID sandboxAccount = UUID.fromString(tenants.as(team.admin(), () -> accounts.get(team.sandbox()))
                .externalId());

        SandboxPostVideo kept = tenants.as(team.admin(), () -> sandbox.video(sandboxAccount, externalId, 1))
                .orElseThrow();
        assertThat(kept.content()).isEqualTo(mp4);
        assertThat(kept.mediaType()).isEqualTo("video/mp4");
        assertThat(kept.altText()).isEqualTo("Le maire présente ses vœux devant la mairie.");
        assertThat(kept.durationMs()).isEqualTo(2500L);
        assertThat(kept.burnedIn()).isFalse();
        assertThat(kept.subtitlesLanguage()).isEqualTo("fr");
        assertThat(kept.subtitles()).isEqualTo("WEBVTT\n\n1\n00:00:00.500 --> 00:00:02.000\nBonjour à toutes et à tous.\n\n"
                + "2\n00:00:02.000 --> 00:00:02.500\nBonne année\u00a0!\n");
        assertThat(tenants.as(team.admin(), () -> sandbox.video(sandboxAccount, externalId, 2))).isEmpty();
    }

    @Test
    void twoVideosOrAVideoWithImagesAreRefusedBeforeAnyCall() {
        Team team = fixtures.team();
        MediaView first = tenants.as(team.manager(), () -> library.upload(new MediaUpload("a.mp4", anotherFixture(),
                null, null, null, true)));
        MediaView second = tenants.as(team.manager(), () -> library.upload(new MediaUpload("b.mp4", anotherFixture(),
                null, null, null, true)));
        MediaView image = tenants.as(team.manager(), () -> library.upload(MediaUpload.image("plan.png",
                TestImages.png(40, 30), "Plan du quartier")));
        PostView two = tenants.as(team.manager(), () -> publishing.create(new PostCommand(null, "Deux vidéos", null,
                null, false, null, List.of(new PostCommand.VariantCommand(team.sandbox(), null, null,
                        List.of(first.id().value(), second.id().value()))))));
        assertThat(tenants.as(team.manager(), () -> publishing.check(two.id())).errors())
                .extracting(CheckFinding::messageKey).contains("draft.tooManyVideos");
        PostView mixed = tenants.as(team.manager(), () -> publishing.create(new PostCommand(null, "Vidéo et plan",
                null, null, false, null, List.of(new PostCommand.VariantCommand(team.sandbox(), null, null,
                        List.of(first.id().value(), image.id().value()))))));
        assertThat(tenants.as(team.manager(), () -> publishing.check(mixed.id())).errors())
                .extracting(CheckFinding::messageKey).contains("draft.videoWithImages");
    }

    @Test
    void aVideoOverANetworksLimitsIsRefusedWithTheLimit() {
        Team team = fixtures.team();
        MediaView video = tenants.as(team.manager(), () -> library.upload(new MediaUpload("conseil.mp4",
                anotherFixture(), "Séance du conseil", "conseil.srt", SRT.getBytes(StandardCharsets.UTF_8), false)));

        List<MediaProblem> none = tenants.as(team.manager(), () -> library.check(video.id(),
                profile(NetworkProfile.VideoLimits.NONE)));
        assertThat(none).extracting(MediaProblem::code).containsExactly(MediaProblem.Code.VIDEO_UNSUPPORTED);
        assertThat(text(none.get(0))).isEqualTo("YouTube n’accepte pas de vidéo par Parvis.");
        assertThatThrownBy(() -> tenants.as(team.manager(), () -> library.videoFor(video.id(),
                profile(NetworkProfile.VideoLimits.NONE)))).isInstanceOf(MediaRenditionException.class)
                .hasFieldOrPropertyWithValue("messageKey", "media.problem.video");

        List<MediaProblem> tooBig = tenants.as(team.manager(), () -> library.check(video.id(), profile(
                new NetworkProfile.VideoLimits(1, 500, null, Set.of("video/mp4"), 1000, false, true, 0))));
        assertThat(tooBig).extracting(MediaProblem::code).containsExactly(MediaProblem.Code.TOO_LARGE);
        assertThat(text(tooBig.get(0))).isEqualTo("La vidéo « conseil.mp4 » pèse 0,0 Mo : YouTube accepte au plus "
                + "0,0 Mo. Parvis ne réduit pas les vidéos : exportez-la plus légère.");

        List<MediaProblem> tooLong = tenants.as(team.manager(), () -> library.check(video.id(), profile(
                new NetworkProfile.VideoLimits(1, 1_000_000, Duration.ofSeconds(2), Set.of("video/mp4"), 1000, false,
                        true, 0))));
        assertThat(tooLong).extracting(MediaProblem::code).containsExactly(MediaProblem.Code.TOO_LONG);
        assertThat(text(tooLong.get(0))).isEqualTo("La vidéo « conseil.mp4 » dure 3 s : YouTube accepte au plus 2 s. "
                + "Parvis ne coupe pas les vidéos : raccourcissez-la.");

        List<MediaProblem> webmOnly = tenants.as(team.manager(), () -> library.check(video.id(), profile(
                new NetworkProfile.VideoLimits(1, 1_000_000, null, Set.of("video/webm"), 1000, false, true, 0))));
        assertThat(webmOnly).extracting(MediaProblem::code).containsExactly(MediaProblem.Code.TYPE_UNSUPPORTED);

        List<MediaProblem> tinyCaptions = tenants.as(team.manager(), () -> library.check(video.id(), profile(
                new NetworkProfile.VideoLimits(1, 1_000_000, null, Set.of("video/mp4"), 1000, false, true, 50))));
        assertThat(tinyCaptions).extracting(MediaProblem::code)
                .containsExactly(MediaProblem.Code.SUBTITLES_TOO_LARGE);

        // a network without subtitles track (Mastodon): the file is not sent, a warning says so
        NetworkProfile noTrack = profile(new NetworkProfile.VideoLimits(1, 1_000_000, null, Set.of("video/mp4"), 1500,
                false, false, 0));
        List<MediaProblem> notSent = tenants.as(team.manager(), () -> library.check(video.id(), noTrack));
        assertThat(notSent).extracting(MediaProblem::code).containsExactly(MediaProblem.Code.SUBTITLES_NOT_SENT);
        VideoAttachment sent = tenants.as(team.manager(), () -> library.videoFor(video.id(), noTrack));
        assertThat(sent.subtitles().webVtt()).startsWith("WEBVTT\n\n1\n00:00:00.500 --> 00:00:02.000\n");
        assertThat(sent.duration()).isEqualTo(Duration.ofMillis(2500));
        assertThat(List.of(sent.width(), sent.height())).containsExactly(320, 180);
        assertThat(tenants.as(team.manager(), () -> sent.readAll(1_000_000))).hasSize((int) video.sizeBytes());
    }

    private String text(MediaProblem problem) {
        return messages.getMessage(problem.messageKey(), problem.arguments(), Locale.FRENCH);
    }

    static NetworkProfile profile(NetworkProfile.VideoLimits video) {
        return new NetworkProfile(Network.YOUTUBE, 500, TextCounter.CODE_POINTS, 4, 1_000_000, Set.of("image/png"),
                1500, true, true, Set.of(), Set.of(), Duration.ZERO, "", video);
    }
}
