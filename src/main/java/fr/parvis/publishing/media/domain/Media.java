package fr.parvis.publishing.media.domain;

import fr.parvis.publishing.media.MediaKind;
import fr.parvis.publishing.media.SubtitlesFormat;
import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A medium of the library (its bytes are in {@link MediaBytes}). */
@Entity
@Table(name = "publishing_media")
public class Media extends TenantScoped {

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 10, updatable = false)
    private MediaKind kind;

    @Column(name = "media_type", nullable = false, length = 40, updatable = false)
    private String mediaType;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "width", updatable = false)
    private Integer width;

    @Column(name = "height", updatable = false)
    private Integer height;

    @Column(name = "sha256", nullable = false, length = 64, updatable = false)
    private String sha256;

    @Column(name = "alt_text", length = 1500)
    private String altText;

    @Enumerated(EnumType.STRING)
    @Column(name = "subtitles_format", length = 10)
    private SubtitlesFormat subtitlesFormat;

    @Column(name = "burned_in_subtitles", nullable = false)
    private boolean burnedInSubtitles;

    /** The duration of a video read from its header, {@code null} when unknown. */
    @Column(name = "duration_ms", updatable = false)
    private Long durationMs;

    @Column(name = "usage_count", nullable = false)
    private int usageCount;

    @Column(name = "archived_at")
    private Instant archivedAt;

    @Column(name = "created_by", updatable = false)
    private UUID createdBy;

    protected Media() {
    }

    public Media(MediaKind kind, String mediaType, String fileName, long sizeBytes, Integer width, Integer height,
            String sha256, String altText, SubtitlesFormat subtitlesFormat, boolean burnedInSubtitles, UUID createdBy) {
        this.kind = kind;
        this.mediaType = mediaType;
        this.fileName = fileName;
        this.sizeBytes = sizeBytes;
        this.width = width;
        this.height = height;
        this.sha256 = sha256;
        this.altText = altText;
        this.subtitlesFormat = subtitlesFormat;
        this.burnedInSubtitles = burnedInSubtitles;
        this.createdBy = createdBy;
    }

    /** A video with its duration read from its header ({@code null} when unknown). */
    public Media(String mediaType, String fileName, long sizeBytes, Integer width, Integer height, Long durationMs,
            String sha256, String altText, SubtitlesFormat subtitlesFormat, boolean burnedInSubtitles, UUID createdBy) {
        this(MediaKind.VIDEO, mediaType, fileName, sizeBytes, width, height, sha256, altText, subtitlesFormat,
                burnedInSubtitles, createdBy);
        this.durationMs = durationMs;
    }

    public void describe(String altText) {
        this.altText = altText;
    }

    public void subtitles(SubtitlesFormat format, boolean burnedIn) {
        this.subtitlesFormat = format;
        this.burnedInSubtitles = burnedIn;
    }

    public void archive(Instant now) {
        if (archivedAt == null) {
            archivedAt = now;
        }
    }

    public void restore() {
        archivedAt = null;
    }

    public void used() {
        usageCount++;
    }

    public void released() {
        if (usageCount > 0) {
            usageCount--;
        }
    }

    public MediaKind kind() {
        return kind;
    }

    public String mediaType() {
        return mediaType;
    }

    public String fileName() {
        return fileName;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public Integer width() {
        return width;
    }

    public Integer height() {
        return height;
    }

    public Long durationMs() {
        return durationMs;
    }

    public String sha256() {
        return sha256;
    }

    public String altText() {
        return altText;
    }

    public SubtitlesFormat subtitlesFormat() {
        return subtitlesFormat;
    }

    public boolean burnedInSubtitles() {
        return burnedInSubtitles;
    }

    public int usageCount() {
        return usageCount;
    }

    public Instant archivedAt() {
        return archivedAt;
    }

    public UUID createdBy() {
        return createdBy;
    }
}
