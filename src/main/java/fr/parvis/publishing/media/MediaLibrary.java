package fr.parvis.publishing.media;

import fr.parvis.channels.spi.ImageAttachment;
import fr.parvis.channels.spi.NetworkProfile;
import fr.parvis.channels.spi.VideoAttachment;
import fr.parvis.compliance.AuditDetails;
import fr.parvis.compliance.AuditRecord;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.publishing.media.domain.Media;
import fr.parvis.publishing.media.domain.MediaBytes;
import fr.parvis.publishing.media.domain.MediaContents;
import fr.parvis.publishing.media.domain.MediaRendition;
import fr.parvis.publishing.media.domain.MediaRenditions;
import fr.parvis.publishing.media.domain.Medias;
import fr.parvis.shared.ConflictException;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.NotFoundException;
import fr.parvis.shared.Texts;
import fr.parvis.territory.Permission;
import fr.parvis.territory.access.Actors;
import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The media library of the current collectivité: upload (type read from the bytes, size and pixel
 * limits, alternative text, subtitles of videos, one medium per distinct content), listing,
 * alternative text, archiving, and for the composer and the publisher the checks and the
 * renditions that fit a network.
 *
 * <p>Every member reads the library; changing it takes {@link Permission#POSTS_WRITE}. Media are
 * never deleted: a medium used by a post must stay, so it is archived (hidden from the library).
 *
 * <p>An image may be saved without alternative text, as a draft: it is then marked
 * as missing its alternative text and {@link #check} reports an error that blocks its publication.
 */
@Service
@Transactional(readOnly = true)
public class MediaLibrary {

    /** The longest alternative text (Parvis-wide; networks may accept less, see {@link #check}). */
    public static final int MAX_ALT_TEXT = 1500;

    /** The longest file name kept. */
    public static final int MAX_FILE_NAME = 255;

    /** The most media per page of the library. */
    public static final int MAX_PAGE_SIZE = 100;

    /** The language of the subtitles files (the library does not ask for it yet). */
    static final String SUBTITLES_LANGUAGE = "fr";

    private static final Set<String> RENDERABLE = Set.of(MediaTypes.JPEG, MediaTypes.PNG, MediaTypes.GIF);

    private final Medias medias;
    private final MediaContents contents;
    private final MediaRenditions renditions;
    private final MediaProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separateTransaction;

    MediaLibrary(Medias medias, MediaContents contents, MediaRenditions renditions, MediaProperties properties,
            AuditTrail audit, Clock clock, PlatformTransactionManager transactionManager) {
        this.medias = medias;
        this.contents = contents;
        this.renditions = renditions;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Adds a file to the library. The checks (type from the first bytes, size, pixels read from the
     * header before any decoding, alternative text, subtitles) and the preview are done outside any
     * transaction; the medium, its bytes and the audit entry are then written together. The same
     * bytes uploaded again give back the existing medium (restored if it was archived, its missing
     * alternative text or subtitles completed).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public MediaView upload(MediaUpload upload) {
        Actors.require(Permission.POSTS_WRITE);
        byte[] content = upload.content();
        if (content == null || content.length == 0) {
            throw new InvalidInputException("media.file.empty", "file");
        }
        MediaTypes.Detected type = MediaTypes.detect(content);
        String fileName = fileName(upload.fileName(), type.mediaType());
        String altText = altText(upload.altText());
        long max = (type.kind() == MediaKind.IMAGE ? properties.maxImageSize() : properties.maxVideoSize()).toBytes();
        if (content.length > max) {
            throw new InvalidInputException(type.kind() == MediaKind.IMAGE ? "media.image.tooLarge"
                    : "media.video.tooLarge", "file", megabytes(content.length), megabytes(max));
        }
        ImageHeaders.Size size = null;
        VideoHeaders.Info videoInfo = VideoHeaders.Info.UNKNOWN;
        byte[] thumbnail = null;
        String thumbnailType = null;
        SubtitlesFormat subtitlesFormat = null;
        byte[] subtitles = null;
        if (type.kind() == MediaKind.IMAGE) {
            if (upload.subtitles() != null && upload.subtitles().length > 0) {
                throw new InvalidInputException("media.subtitles.imageOnly", "subtitles");
            }
            size = ImageHeaders.read(type.mediaType(), content);
            if (size.pixels() > properties.maxImagePixels()) {
                throw new InvalidInputException("media.image.tooManyPixels", "file", size.width(), size.height(),
                        properties.maxImagePixels() / 1_000_000);
            }
            BufferedImage preview = preview(content, type.mediaType(), size);
            thumbnailType = Images.hasAlpha(preview) ? MediaTypes.PNG : MediaTypes.JPEG;
            thumbnail = Images.encode(preview, thumbnailType, 0.8f);
        } else {
            videoInfo = VideoHeaders.read(type.mediaType(), content);
            if (upload.subtitles() != null && upload.subtitles().length > 0) {
                subtitlesFormat = Subtitles.validate(upload.subtitles(), properties.maxSubtitlesSize().toBytes());
                subtitles = upload.subtitles();
            } else if (!upload.burnedInSubtitles()) {
                throw new InvalidInputException("media.video.subtitlesRequired", "subtitles");
            }
        }
        String sha256 = sha256(content);
        UUID by = Actors.currentAgent().map(agent -> agent.userId().value()).orElse(null);
        ImageHeaders.Size dimensions = size;
        byte[] thumbnailBytes = thumbnail;
        String previewType = thumbnailType;
        SubtitlesFormat format = subtitlesFormat;
        byte[] subtitlesBytes = subtitles;
        VideoHeaders.Info video = videoInfo;
        try {
            return transaction.execute(status -> {
                Optional<Media> existing = medias.findBySha256(sha256);
                if (existing.isPresent()) {
                    return reuse(existing.get(), altText, format, subtitlesBytes, upload.burnedInSubtitles());
                }
                Media media = medias.saveAndFlush(type.kind() == MediaKind.VIDEO
                        ? new Media(type.mediaType(), fileName, content.length, video.width(), video.height(),
                                video.durationMs(), sha256, altText, format, upload.burnedInSubtitles(), by)
                        : new Media(type.kind(), type.mediaType(), fileName, content.length,
                                dimensions == null ? null : dimensions.width(),
                                dimensions == null ? null : dimensions.height(), sha256, altText, format,
                                upload.burnedInSubtitles(), by));
                contents.save(new MediaBytes(media.id(), content, subtitlesBytes, thumbnailBytes, previewType));
                audit.record(record("publishing.media.uploaded", media, AuditDetails.of("type", media.mediaType(),
                        "size", String.valueOf(media.sizeBytes()), "sha256", sha256)));
                return view(media);
            });
        } catch (DataIntegrityViolationException e) {
            // the same bytes uploaded at the same instant by someone else
            throw new ConflictException("media.concurrentUpload", "file");
        }
    }

    private MediaView reuse(Media media, String altText, SubtitlesFormat format, byte[] subtitles, boolean burnedIn) {
        if (media.archivedAt() != null) {
            media.restore();
        }
        if (media.altText() == null && altText != null) {
            media.describe(altText);
        }
        if (media.kind() == MediaKind.VIDEO && media.subtitlesFormat() == null && format != null) {
            contents.findByMediaId(media.id()).ifPresent(bytes -> bytes.replaceSubtitles(subtitles));
            media.subtitles(format, media.burnedInSubtitles() || burnedIn);
        } else if (media.kind() == MediaKind.VIDEO && burnedIn && !media.burnedInSubtitles()) {
            media.subtitles(media.subtitlesFormat(), true);
        }
        audit.record(record("publishing.media.reused", media, null));
        return view(media);
    }

    /** A page of the library, newest first ({@code size} at most {@value #MAX_PAGE_SIZE}). */
    public MediaPage list(MediaFilter filter, int page, int size) {
        MediaFilter f = filter == null ? MediaFilter.current() : filter;
        int boundedSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int boundedPage = Math.max(0, Math.min(page, 100_000));
        Page<Media> found = medias.search(f.kind(), f.archived(), f.altTextMissing(),
                PageRequest.of(boundedPage, boundedSize));
        return new MediaPage(found.getContent().stream().map(MediaLibrary::view).toList(), boundedPage, boundedSize,
                found.getTotalElements(), found.getTotalPages());
    }

    /** A page of 24 media. */
    public MediaPage list(MediaFilter filter, int page) {
        return list(filter, page, 24);
    }

    /** The kind of each medium of the current collectivité among {@code ids} (unknown ids are left out). */
    public java.util.Map<UUID, MediaKind> kinds(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, MediaKind> kinds = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            medias.findAllById(ids).forEach(m -> kinds.put(m.id(), m.kind()));
        }
        return kinds;
    }

    public MediaView get(MediaId id) {
        return view(load(id));
    }

    /** The original bytes, as uploaded. */
    public MediaContent content(MediaId id) {
        Media media = load(id);
        return new MediaContent(media.mediaType(), media.fileName(), bytes(media).content());
    }

    /** The preview of an image (at most {@code parvis.media.preview-size} pixels); empty for a video. */
    public Optional<MediaContent> preview(MediaId id) {
        Media media = load(id);
        MediaBytes bytes = bytes(media);
        if (bytes.thumbnail() == null) {
            return Optional.empty();
        }
        return Optional.of(new MediaContent(bytes.thumbnailType(), "apercu." + MediaTypes.extension(
                bytes.thumbnailType()), bytes.thumbnail()));
    }

    /** The subtitles file of a video; empty when it has none. */
    public Optional<MediaContent> subtitles(MediaId id) {
        Media media = load(id);
        if (media.subtitlesFormat() == null) {
            return Optional.empty();
        }
        byte[] subtitles = bytes(media).subtitles();
        String base = media.fileName().contains(".") ? media.fileName().substring(0, media.fileName().lastIndexOf('.'))
                : media.fileName();
        return Optional.ofNullable(subtitles).map(s -> new MediaContent(media.subtitlesFormat().mediaType(),
                base + "." + media.subtitlesFormat().extension(), s));
    }

    /** Changes the alternative text; an empty text marks an image as missing its alternative text. */
    @Transactional
    public MediaView updateAlt(MediaId id, String altText) {
        Actors.require(Permission.POSTS_WRITE);
        String cleaned = altText(altText);
        Media media = load(id);
        media.describe(cleaned);
        audit.record(record("publishing.media.described", media, AuditDetails.of("altText",
                cleaned == null ? "" : Texts.abbreviate(cleaned, 200))));
        return view(media);
    }

    /** Hides the medium from the library; posts using it keep it. Archiving twice does nothing. */
    @Transactional
    public MediaView archive(MediaId id) {
        Actors.require(Permission.POSTS_WRITE);
        Media media = load(id);
        if (media.archivedAt() == null) {
            media.archive(clock.instant());
            audit.record(record("publishing.media.archived", media, null));
        }
        return view(media);
    }

    /** Back in the library. */
    @Transactional
    public MediaView restore(MediaId id) {
        Actors.require(Permission.POSTS_WRITE);
        Media media = load(id);
        if (media.archivedAt() != null) {
            media.restore();
            audit.record(record("publishing.media.restored", media, null));
        }
        return view(media);
    }

    /** For the composer: a post now uses this medium. */
    @Transactional
    public MediaView markUsed(MediaId id) {
        Actors.require(Permission.POSTS_WRITE);
        Media media = load(id);
        media.used();
        return view(media);
    }

    /** For the composer: a post no longer uses this medium. */
    @Transactional
    public MediaView markUnused(MediaId id) {
        Actors.require(Permission.POSTS_WRITE);
        Media media = load(id);
        media.released();
        return view(media);
    }

    /**
     * What forbids publishing this medium on the network of {@code profile}; empty when it can be
     * sent. The size is not checked here: {@link #renditionFor} reduces the image, and says when it
     * cannot.
     */
    public List<MediaProblem> check(MediaId id, NetworkProfile profile) {
        Media media = load(id);
        List<MediaProblem> problems = new ArrayList<>();
        DefaultMessageSourceResolvable network = networkName(profile);
        if (media.archivedAt() != null) {
            problems.add(new MediaProblem(MediaProblem.Code.ARCHIVED, "media.problem.archived", media.fileName()));
        }
        if (media.kind() == MediaKind.VIDEO) {
            checkVideo(media, profile, network, problems);
            return problems;
        }
        if (media.altText() == null) {
            problems.add(new MediaProblem(MediaProblem.Code.ALT_TEXT_MISSING, "media.problem.altMissing",
                    media.fileName()));
        } else if (media.altText().length() > profile.maxAltTextLength()) {
            problems.add(new MediaProblem(MediaProblem.Code.ALT_TEXT_TOO_LONG, "media.problem.altTooLong",
                    media.altText().length(), profile.maxAltTextLength(), network));
        }
        if (!profile.imageTypes().contains(media.mediaType())
                && profile.imageTypes().stream().noneMatch(RENDERABLE::contains)) {
            problems.add(new MediaProblem(MediaProblem.Code.TYPE_UNSUPPORTED, "media.problem.type", network,
                    String.join(", ", new TreeSet<>(profile.imageTypes()))));
        }
        return problems;
    }

    private void checkVideo(Media media, NetworkProfile profile, DefaultMessageSourceResolvable network,
            List<MediaProblem> problems) {
        NetworkProfile.VideoLimits limits = profile.video();
        if (!limits.supported()) {
            problems.add(new MediaProblem(MediaProblem.Code.VIDEO_UNSUPPORTED, "media.problem.video", network));
        } else {
            if (!limits.types().contains(media.mediaType())) {
                problems.add(new MediaProblem(MediaProblem.Code.TYPE_UNSUPPORTED, "media.problem.videoType",
                        media.fileName(), media.mediaType(), network, String.join(", ", new TreeSet<>(limits.types()))));
            }
            if (media.sizeBytes() > limits.maxBytes()) {
                problems.add(new MediaProblem(MediaProblem.Code.TOO_LARGE, "media.problem.videoTooLarge",
                        media.fileName(), decimalMegabytes(media.sizeBytes()), network,
                        decimalMegabytes(limits.maxBytes())));
            }
            if (media.durationMs() != null && limits.maxDuration() != null
                    && media.durationMs() > limits.maxDuration().toMillis()) {
                problems.add(new MediaProblem(MediaProblem.Code.TOO_LONG, "media.problem.videoTooLong",
                        media.fileName(), (media.durationMs() + 999) / 1000, network, limits.maxDuration().toSeconds()));
            }
            if (media.altText() != null && media.altText().length() > limits.maxAltTextLength()) {
                problems.add(new MediaProblem(MediaProblem.Code.ALT_TEXT_TOO_LONG, "media.problem.altTooLong",
                        media.altText().length(), limits.maxAltTextLength(), network));
            }
            if (media.subtitlesFormat() != null && !limits.subtitlesTrack() && !media.burnedInSubtitles()) {
                problems.add(new MediaProblem(MediaProblem.Code.SUBTITLES_NOT_SENT, "media.problem.subtitlesNotSent",
                        media.fileName(), network));
            } else if (media.subtitlesFormat() != null && limits.subtitlesTrack() && limits.maxSubtitlesBytes() > 0) {
                byte[] raw = contents.subtitlesOf(media.id()).orElse(null);
                int size = raw == null ? 0 : webVtt(raw, media.subtitlesFormat()).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8).length;
                if (size > limits.maxSubtitlesBytes()) {
                    problems.add(new MediaProblem(MediaProblem.Code.SUBTITLES_TOO_LARGE,
                            "media.problem.subtitlesTooLarge", media.fileName(), (size + 999) / 1000, network,
                            limits.maxSubtitlesBytes() / 1000));
                }
            }
        }
        if (media.subtitlesFormat() == null && !media.burnedInSubtitles()) {
            problems.add(new MediaProblem(MediaProblem.Code.SUBTITLES_MISSING, "media.problem.subtitles",
                    media.fileName()));
        }
    }

    /**
     * The video as the network of {@code profile} takes it, for the publisher: its bytes are read only
     * when the connector sends them (in a transaction of their own), its subtitles are given in WebVTT
     * (a SubRip file converted) in French. Parvis does not transcode: a video the network would refuse
     * (type, size, duration, see {@link #check}) throws {@link MediaRenditionException} with the limit.
     */
    @Transactional
    public VideoAttachment videoFor(MediaId id, NetworkProfile profile) {
        Media media = load(id);
        if (media.kind() != MediaKind.VIDEO) {
            throw new IllegalArgumentException("not a video: " + id);
        }
        for (MediaProblem problem : check(id, profile)) {
            if (problem.code() != MediaProblem.Code.SUBTITLES_NOT_SENT) {
                throw new MediaRenditionException(problem.messageKey(), problem.arguments());
            }
        }
        VideoAttachment.Subtitles subtitles = null;
        if (media.subtitlesFormat() != null) {
            byte[] raw = contents.subtitlesOf(media.id()).orElse(null);
            if (raw != null) {
                subtitles = new VideoAttachment.Subtitles(webVtt(raw, media.subtitlesFormat()), SUBTITLES_LANGUAGE);
            }
        }
        UUID mediaId = media.id();
        VideoAttachment.Source source = () -> new java.io.ByteArrayInputStream(videoBytes(mediaId));
        return new VideoAttachment(media.mediaType(), media.sizeBytes(), source, media.altText(), subtitles,
                media.burnedInSubtitles(), media.durationMs() == null ? null
                        : java.time.Duration.ofMillis(media.durationMs()), media.width(), media.height());
    }

    /** The bytes of a video, read in a transaction of their own (the publisher calls outside any). */
    private byte[] videoBytes(UUID mediaId) {
        byte[] bytes = separateTransaction.execute(status -> contents.contentOf(mediaId).orElse(null));
        if (bytes == null) {
            throw new NotFoundException("media.notFound");
        }
        return bytes;
    }

    private static String webVtt(byte[] raw, SubtitlesFormat format) {
        return Subtitles.toWebVtt(raw, format);
    }

    /**
     * The image as the network of {@code profile} accepts it: one of its {@code imageTypes}, at most
     * {@code maxImageBytes}, aspect ratio kept, metadata (EXIF with GPS position…) removed. Made
     * once per medium and network, kept in the database, made again when the network's limits
     * change. Throws {@link MediaRenditionException} for a video, or when no accepted type or no
     * reduction fits.
     */
    @Transactional
    public ImageAttachment renditionFor(MediaId id, NetworkProfile profile) {
        Media media = load(id);
        DefaultMessageSourceResolvable network = networkName(profile);
        if (media.kind() == MediaKind.VIDEO) {
            throw new MediaRenditionException("media.problem.video", network);
        }
        String signature = signature(profile);
        Optional<MediaRendition> cached = renditions.findByMediaIdAndNetwork(media.id(), profile.network());
        if (cached.isPresent() && cached.get().profileSignature().equals(signature)) {
            return new ImageAttachment(cached.get().content(), cached.get().mediaType(), media.altText());
        }
        Renditions.Rendered rendered;
        try {
            rendered = Renditions.make(bytes(media).content(), media.mediaType(), media.width(), media.height(),
                    profile.imageTypes(), profile.maxImageBytes());
        } catch (Renditions.Impossible e) {
            throw switch (e.failure()) {
                case NO_TYPE -> new MediaRenditionException("media.problem.type", network,
                        String.join(", ", new TreeSet<>(profile.imageTypes())));
                case TOO_LARGE -> new MediaRenditionException("media.rendition.tooLarge", network,
                        profile.maxImageBytes() / 1024);
                case UNREADABLE -> new MediaRenditionException("media.image.unreadable");
            };
        }
        store(media.id(), profile, signature, rendered, cached.map(MediaRendition::id).orElse(null));
        return new ImageAttachment(rendered.content(), rendered.mediaType(), media.altText());
    }

    /** Keeps the rendition in its own transaction: two nodes making it at once keep one. */
    private void store(UUID mediaId, NetworkProfile profile, String signature, Renditions.Rendered rendered,
            UUID existing) {
        try {
            separateTransaction.executeWithoutResult(status -> {
                Optional<MediaRendition> row = existing == null ? Optional.empty() : renditions.findById(existing);
                if (row.isPresent()) {
                    row.get().replace(signature, rendered.mediaType(), rendered.width(), rendered.height(),
                            rendered.content());
                } else {
                    renditions.saveAndFlush(new MediaRendition(mediaId, profile.network(), signature,
                            rendered.mediaType(), rendered.width(), rendered.height(), rendered.content()));
                }
            });
        } catch (DataIntegrityViolationException | org.springframework.dao.OptimisticLockingFailureException e) {
            // made by another node meanwhile: ours is as good
        }
    }

    private BufferedImage preview(byte[] content, String mediaType, ImageHeaders.Size size) {
        int longest = Math.max(size.width(), size.height());
        int subsampling = Math.max(1, longest / (2 * properties.previewSize()));
        BufferedImage decoded = Images.decode(content, subsampling);
        if (decoded == null) {
            throw new InvalidInputException("media.image.unreadable", "file");
        }
        int orientation = mediaType.equals(MediaTypes.JPEG) ? Images.jpegOrientation(content) : 1;
        return Images.fit(Images.orient(decoded, orientation), properties.previewSize());
    }

    private Media load(MediaId id) {
        if (id == null) {
            throw new NotFoundException("media.notFound");
        }
        return medias.findById(id.value()).orElseThrow(() -> new NotFoundException("media.notFound"));
    }

    private MediaBytes bytes(Media media) {
        return contents.findByMediaId(media.id()).orElseThrow(() -> new NotFoundException("media.notFound"));
    }

    static String altText(String text) {
        String cleaned = Texts.clean(text);
        if (cleaned != null && cleaned.length() > MAX_ALT_TEXT) {
            throw new InvalidInputException("media.altText.tooLong", "altText", MAX_ALT_TEXT);
        }
        if (cleaned != null && cleaned.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new InvalidInputException("media.altText.control", "altText");
        }
        return cleaned;
    }

    /** The last path segment, without control characters, at most {@value #MAX_FILE_NAME} characters. */
    static String fileName(String name, String mediaType) {
        String base = name == null ? "" : name;
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
        base = base.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            base = "media." + MediaTypes.extension(mediaType);
        }
        return base.length() <= MAX_FILE_NAME ? base : base.substring(base.length() - MAX_FILE_NAME);
    }

    private static String signature(NetworkProfile profile) {
        return profile.maxImageBytes() + ":" + String.join(",", new TreeSet<>(profile.imageTypes()));
    }

    private static DefaultMessageSourceResolvable networkName(NetworkProfile profile) {
        return new DefaultMessageSourceResolvable(new String[] {"network." + profile.network().name()},
                profile.network().name());
    }

    /** Megabytes of 1,000,000 bytes, as the networks state their video limits. */
    private static String decimalMegabytes(long bytes) {
        return String.format(java.util.Locale.FRANCE, "%.1f", bytes / 1_000_000.0);
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.FRANCE, "%.1f", bytes / 1_048_576.0);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AuditRecord record(String action, Media media, String details) {
        return new AuditRecord(action, "media", media.id().toString(), media.fileName(), details);
    }

    static MediaView view(Media m) {
        return new MediaView(new MediaId(m.id()), m.kind(), m.mediaType(), m.fileName(), m.sizeBytes(), m.width(),
                m.height(), m.sha256(), m.altText(), m.kind() == MediaKind.IMAGE && m.altText() == null,
                m.subtitlesFormat(), m.burnedInSubtitles(), m.usageCount(), m.archivedAt(), m.createdAt(),
                m.updatedAt(), m.durationMs());
    }
}
