package fr.parvis.publishing.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.parvis.channels.spi.ImageAttachment;
import fr.parvis.channels.spi.Network;
import fr.parvis.channels.spi.NetworkProfile;
import fr.parvis.channels.spi.TextCounter;
import fr.parvis.publishing.media.domain.MediaRenditions;
import fr.parvis.publishing.media.domain.Medias;
import fr.parvis.shared.DomainException;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.NotFoundException;
import fr.parvis.territory.Role;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The media library through its service, on the test database. */
@IntegrationTest
class MediaLibraryIntegrationTests {

    static final NetworkProfile JPEG_ONLY = profile(Network.SANDBOX, 1_000_000, Set.of("image/jpeg"), 1000);

    @Autowired
    MediaLibrary library;

    @Autowired
    TestTenants tenants;

    @Autowired
    MessageSource messages;

    @Autowired
    Medias medias;

    @Autowired
    MediaRenditions renditions;

    @Autowired
    PlatformTransactionManager transactionManager;

    Tenant tenant;
    Agent manager;

    @BeforeEach
    void tenant() {
        tenant = tenants.commune();
        manager = tenants.member(tenant, Role.COMMUNITY_MANAGER);
    }

    @Test
    void aPngNamedJpgIsStoredAsAPngWithItsDimensionsPreviewAndHash() {
        byte[] png = TestImages.png(640, 480);
        MediaView media = as(manager, () -> library.upload(MediaUpload.image("C:\\fakepath\\photo.jpg", png,
                "  La mairie sous la neige  ")));

        assertThat(media.mediaType()).isEqualTo("image/png");
        assertThat(media.kind()).isEqualTo(MediaKind.IMAGE);
        assertThat(media.fileName()).isEqualTo("photo.jpg");
        assertThat(media.width()).isEqualTo(640);
        assertThat(media.height()).isEqualTo(480);
        assertThat(media.sizeBytes()).isEqualTo(png.length);
        assertThat(media.sha256()).isEqualTo(MediaLibrary.sha256(png)).hasSize(64);
        assertThat(media.altText()).isEqualTo("La mairie sous la neige");
        assertThat(media.altTextMissing()).isFalse();
        assertThat(as(manager, () -> library.content(media.id())).content()).isEqualTo(png);
        MediaContent preview = as(manager, () -> library.preview(media.id())).orElseThrow();
        assertThat(preview.mediaType()).isEqualTo("image/jpeg");
        assertThat(TestImages.read(preview.content()).getWidth()).isEqualTo(400);
        assertThat(TestImages.read(preview.content()).getHeight()).isEqualTo(300);
    }

    @Test
    void aTextFileNamedPngIsRefused() {
        assertRefused(MediaUpload.image("image.png", "ceci est du texte".getBytes(StandardCharsets.UTF_8), "alt"),
                "media.type.unsupported", "Ce fichier n’est ni une image JPEG, PNG, GIF ou WebP");
        assertRefused(MediaUpload.image("vide.png", new byte[0], "alt"), "media.file.empty", "Choisissez un fichier");
    }

    @Test
    void anImageAboveTheSizeLimitIsRefused() {
        byte[] big = new byte[15 * 1024 * 1024 + 1];
        byte[] jpeg = TestImages.jpeg(10, 10);
        System.arraycopy(jpeg, 0, big, 0, jpeg.length);
        assertRefused(MediaUpload.image("enorme.jpg", big, "alt"), "media.image.tooLarge",
                "L’image pèse 15,0 Mo : 15,0 Mo au plus.");
    }

    @Test
    void aHeaderAnnouncingMoreThanFiftyMegapixelsIsRefusedBeforeAnyDecoding() {
        // Only a header: decoding would fail as "unreadable". The refusal names the pixels, so the
        // header alone decided.
        assertRefused(MediaUpload.image("bombe.png", TestImages.pngHeaderOnly(10_000, 5_001), "alt"),
                "media.image.tooManyPixels", "10000 × 5001 pixels : 50 mégapixels au plus");
        assertRefused(MediaUpload.image("abimee.png", TestImages.pngHeaderOnly(100, 100), "alt"),
                "media.image.unreadable", "n’a pas pu être lue");
    }

    @Test
    void anImageWithoutAltTextIsADraftThatCannotBePublished() {
        MediaView media = as(manager, () -> library.upload(MediaUpload.image("sans-alt.png", TestImages.png(20, 20),
                "   ")));
        assertThat(media.altTextMissing()).isTrue();
        assertThat(media.altText()).isNull();
        assertThat(as(manager, () -> library.list(new MediaFilter(null, false, true), 0)).items())
                .extracting(MediaView::id).containsExactly(media.id());
        List<MediaProblem> problems = as(manager, () -> library.check(media.id(), JPEG_ONLY));
        assertThat(problems).extracting(MediaProblem::code).containsExactly(MediaProblem.Code.ALT_TEXT_MISSING);
        assertThat(text(problems.get(0))).isEqualTo("L’image « sans-alt.png » n’a pas de texte alternatif.");

        MediaView described = as(manager, () -> library.updateAlt(media.id(), "Un dégradé de couleurs"));
        assertThat(described.altTextMissing()).isFalse();
        assertThat(as(manager, () -> library.check(media.id(), JPEG_ONLY))).isEmpty();
        assertThat(as(manager, () -> library.check(media.id(), profile(Network.BLUESKY, 1_000_000,
                Set.of("image/jpeg"), 10)))).extracting(MediaProblem::code)
                .containsExactly(MediaProblem.Code.ALT_TEXT_TOO_LONG);
        assertThat(as(manager, () -> library.check(media.id(), profile(Network.BLUESKY, 1_000_000,
                Set.of("image/webp"), 1000)))).extracting(MediaProblem::code)
                .containsExactly(MediaProblem.Code.TYPE_UNSUPPORTED);

        assertThatThrownBy(() -> as(manager, () -> library.updateAlt(media.id(), "x".repeat(1501))))
                .isInstanceOf(InvalidInputException.class).extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("media.altText.tooLong");
        assertThat(as(manager, () -> library.get(media.id())).altText()).isEqualTo("Un dégradé de couleurs");
    }

    @Test
    void aVideoNeedsValidSubtitlesOrBurnedInOnesAndCannotBePublishedYet() {
        assertRefused(new MediaUpload("clip.mp4", TestImages.mp4(), null, null, null, false),
                "media.video.subtitlesRequired", "Une vidéo doit avoir des sous-titres");
        assertRefused(new MediaUpload("clip.mp4", TestImages.mp4(), null, "clip.vtt",
                "WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nà l’envers".getBytes(StandardCharsets.UTF_8), false),
                "media.subtitles.timing", "ligne 3");
        byte[] vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nBonjour\n".getBytes(StandardCharsets.UTF_8);
        MediaView withFile = as(manager, () -> library.upload(new MediaUpload("conseil.mp4", TestImages.mp4(),
                "Séance du conseil", "conseil.srt", vtt, false)));
        assertThat(withFile.mediaType()).isEqualTo("video/mp4");
        assertThat(withFile.subtitles()).isEqualTo(SubtitlesFormat.WEBVTT);
        assertThat(withFile.width()).isNull();
        assertThat(as(manager, () -> library.list(new MediaFilter(MediaKind.VIDEO, false, false), 0)).items())
                .extracting(MediaView::id).containsExactly(withFile.id());
        assertThat(as(manager, () -> library.list(new MediaFilter(MediaKind.IMAGE, false, false), 0)).items())
                .isEmpty();
        assertThat(as(manager, () -> library.subtitles(withFile.id())).orElseThrow().content()).isEqualTo(vtt);
        assertThat(as(manager, () -> library.preview(withFile.id()))).isEmpty();

        MediaView burnedIn = as(manager, () -> library.upload(new MediaUpload("voeux.mp4", TestImages.mp4(), null,
                null, null, true)));
        assertThat(burnedIn.burnedInSubtitles()).isTrue();
        List<MediaProblem> problems = as(manager, () -> library.check(burnedIn.id(), profile(Network.MASTODON,
                1_000_000, Set.of("image/jpeg"), 1500)));
        assertThat(problems).extracting(MediaProblem::code).containsExactly(MediaProblem.Code.VIDEO_UNSUPPORTED);
        assertThat(text(problems.get(0))).isEqualTo("Mastodon n’accepte pas de vidéo par Parvis.");
        assertThatThrownBy(() -> as(manager, () -> library.renditionFor(burnedIn.id(), JPEG_ONLY)))
                .isInstanceOf(MediaRenditionException.class);
    }

    @Test
    void theSameBytesUploadedAgainAreTheSameMedium() {
        byte[] png = TestImages.png(50, 50);
        MediaView first = as(manager, () -> library.upload(MediaUpload.image("a.png", png, null)));
        as(manager, () -> library.archive(first.id()));
        MediaView second = as(manager, () -> library.upload(MediaUpload.image("b.png", png, "Un carré")));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.archived()).as("restored by the new upload").isFalse();
        assertThat(second.altText()).as("the missing alt text completed").isEqualTo("Un carré");
        assertThat(as(manager, () -> library.list(MediaFilter.current(), 0)).total()).isEqualTo(1);
    }

    @Test
    void archivingHidesTheMediumAndKeepsTheRow() {
        MediaView media = as(manager, () -> library.upload(MediaUpload.image("a.png", TestImages.png(30, 30), "alt")));
        as(manager, () -> library.markUsed(media.id()));
        MediaView archived = as(manager, () -> library.archive(media.id()));

        assertThat(archived.archivedAt()).isNotNull();
        assertThat(archived.usageCount()).isEqualTo(1);
        assertThat(as(manager, () -> library.list(MediaFilter.current(), 0)).items()).isEmpty();
        assertThat(as(manager, () -> library.list(new MediaFilter(null, true, false), 0)).items())
                .extracting(MediaView::id).containsExactly(media.id());
        Boolean present = as(manager, () -> new TransactionTemplate(transactionManager).execute(status ->
                medias.findById(media.id().value()).isPresent()));
        assertThat(present).isTrue();
        assertThat(as(manager, () -> library.content(media.id())).content()).isNotEmpty();
        assertThat(as(manager, () -> library.check(media.id(), JPEG_ONLY))).extracting(MediaProblem::code)
                .containsExactly(MediaProblem.Code.ARCHIVED);
        assertThat(as(manager, () -> library.restore(media.id())).archived()).isFalse();
    }

    @Test
    void readersReadAndOnlyWritersChange() {
        MediaView media = as(manager, () -> library.upload(MediaUpload.image("a.png", TestImages.png(30, 30), "alt")));
        Agent reader = tenants.member(tenant, Role.READ_ONLY);

        assertThat(as(reader, () -> library.get(media.id())).fileName()).isEqualTo("a.png");
        assertThatThrownBy(() -> as(reader, () -> library.upload(MediaUpload.image("b.png", TestImages.png(31, 31),
                "alt")))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(reader, () -> library.updateAlt(media.id(), "autre")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(reader, () -> library.archive(media.id())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anotherCollectiviteSeesNothing() {
        MediaView media = as(manager, () -> library.upload(MediaUpload.image("a.png", TestImages.png(30, 30), "alt")));
        Tenant other = tenants.commune();

        assertThatThrownBy(() -> as(other.admin(), () -> library.get(media.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(other.admin(), () -> library.content(media.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(other.admin(), () -> library.renditionFor(media.id(), JPEG_ONLY)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(other.admin(), () -> library.archive(media.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(as(other.admin(), () -> library.list(MediaFilter.current(), 0)).total()).isZero();
        // the same bytes in another collectivité are another medium
        MediaView theirs = as(other.admin(), () -> library.upload(MediaUpload.image("a.png", TestImages.png(30, 30),
                "alt")));
        assertThat(theirs.id()).isNotEqualTo(media.id());
        assertThat(as(manager, () -> library.get(media.id())).archived()).isFalse();
    }

    @Test
    void aRenditionFitsTheNetworkAndIsKept() {
        byte[] png = TestImages.noisyPng(3000, 2000, 1);
        MediaView media = as(manager, () -> library.upload(MediaUpload.image("panorama.png", png, "Panorama")));

        ImageAttachment first = as(manager, () -> library.renditionFor(media.id(), JPEG_ONLY));
        assertThat(first.mediaType()).isEqualTo("image/jpeg");
        assertThat(first.size()).isLessThanOrEqualTo(1_000_000);
        assertThat(first.altText()).isEqualTo("Panorama");
        assertThat(JPEG_ONLY.check(new fr.parvis.channels.spi.PostDraft("Bonjour", List.of(first), null, null, "fr", "media-test")))
                .isEmpty();

        ImageAttachment again = as(manager, () -> library.renditionFor(media.id(), JPEG_ONLY));
        assertThat(Arrays.equals(again.content(), first.content())).isTrue();
        Long stored = as(manager, () -> new TransactionTemplate(transactionManager).execute(status ->
                renditions.findByMediaIdAndNetwork(media.id().value(), Network.SANDBOX).orElseThrow().sizeBytes()));
        assertThat(stored).isEqualTo((long) first.size());

        // the network's limits change: made again
        ImageAttachment smaller = as(manager, () -> library.renditionFor(media.id(), profile(Network.SANDBOX, 300_000,
                Set.of("image/jpeg"), 1000)));
        assertThat(smaller.size()).isLessThanOrEqualTo(300_000);
    }

    @Test
    void aWebpIsAcceptedWithItsSizeAndRenderedAsJpegForANetworkThatRefusesWebp() {
        byte[] webp = TestImages.webp();
        MediaView media = as(manager, () -> library.upload(MediaUpload.image("vitrail.webp", webp,
                "Le vitrail de l’église")));
        assertThat(media.mediaType()).isEqualTo("image/webp");
        assertThat(media.width()).isEqualTo(60);
        assertThat(media.height()).isEqualTo(40);
        MediaContent preview = as(manager, () -> library.preview(media.id())).orElseThrow();
        assertThat(TestImages.read(preview.content()).getWidth()).isEqualTo(60);
        assertThat(as(manager, () -> library.content(media.id())).mediaType()).isEqualTo("image/webp");

        assertThat(as(manager, () -> library.check(media.id(), JPEG_ONLY))).isEmpty();
        ImageAttachment jpeg = as(manager, () -> library.renditionFor(media.id(), JPEG_ONLY));
        assertThat(jpeg.mediaType()).isEqualTo("image/jpeg");
        assertThat(MediaTypes.detect(jpeg.content()).mediaType()).isEqualTo("image/jpeg");
        assertThat(TestImages.read(jpeg.content()).getWidth()).isEqualTo(60);
        // a network that takes WebP (as Bluesky and Mastodon do) gets the WebP itself
        ImageAttachment same = as(manager, () -> library.renditionFor(media.id(), profile(Network.BLUESKY, 1_000_000,
                Set.of("image/webp", "image/jpeg"), 1000)));
        assertThat(same.mediaType()).isEqualTo("image/webp");
        assertThat(as(manager, () -> library.check(media.id(), profile(Network.BLUESKY, 1_000_000,
                Set.of("image/webp"), 1000)))).isEmpty();
    }

    @Test
    void aCorruptWebpIsRefusedWithAClearMessageAndNothingIsWritten() {
        byte[] webp = TestImages.webp().clone();
        for (int i = 30; i < webp.length; i++) {
            webp[i] = (byte) 0xA5;
        }
        assertRefused(MediaUpload.image("abimee.webp", webp, "alt"), "media.image.unreadable", "n’a pas pu être lue");
        byte[] truncated = Arrays.copyOf(TestImages.webp(), 20);
        assertRefused(MediaUpload.image("tronquee.webp", truncated, "alt"), "media.image.unreadable",
                "n’a pas pu être lue");
    }

    @Test
    void theExifOfAPhotoNeverReachesANetwork() {
        byte[] jpeg = TestImages.jpegWithExif(80, 60, 1);
        MediaView media = as(manager, () -> library.upload(MediaUpload.image("telephone.jpg", jpeg, "Une photo")));

        ImageAttachment rendition = as(manager, () -> library.renditionFor(media.id(), JPEG_ONLY));

        assertThat(TestImages.contains(rendition.content(), "GPSLatitude")).isFalse();
        assertThat(TestImages.contains(as(manager, () -> library.preview(media.id())).orElseThrow().content(),
                "GPSLatitude")).isFalse();
        assertThat(as(manager, () -> library.content(media.id())).content()).as("the original is kept as sent")
                .isEqualTo(jpeg);
    }

    private void assertRefused(MediaUpload upload, String key, String frenchPart) {
        assertThatThrownBy(() -> as(manager, () -> library.upload(upload))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    DomainException error = (DomainException) e;
                    assertThat(error.messageKey()).isEqualTo(key);
                    assertThat(messages.getMessage(error.messageKey(), error.arguments(), Locale.FRENCH))
                            .contains(frenchPart);
                });
        assertThat(as(manager, () -> library.list(new MediaFilter(null, false, false), 0).total()
                + library.list(new MediaFilter(null, true, false), 0).total())).as("nothing half-written").isZero();
    }

    private String text(MediaProblem problem) {
        return messages.getMessage(problem.messageKey(), problem.arguments(), Locale.FRENCH);
    }

    private <T> T as(Agent agent, java.util.function.Supplier<T> work) {
        return tenants.as(agent, work);
    }

    static NetworkProfile profile(Network network, long maxBytes, Set<String> types, int maxAlt) {
        return new NetworkProfile(network, 500, TextCounter.CODE_POINTS, 4, maxBytes, types, maxAlt, true, true,
                Set.of(), Set.of(), Duration.ZERO, "");
    }
}
