package fr.parvis.publishing.media.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * The bytes of a medium: the original as uploaded, its subtitles file, and its preview. Kept apart
 * from {@link Media} so that listing the library loads no bytes.
 */
@Entity
@Table(name = "publishing_media_content")
public class MediaBytes extends TenantScoped {

    @Column(name = "media_id", nullable = false, updatable = false)
    private UUID mediaId;

    @Column(name = "content", nullable = false, updatable = false, columnDefinition = "bytea")
    private byte[] content;

    @Column(name = "subtitles", columnDefinition = "bytea")
    private byte[] subtitles;

    @Column(name = "thumbnail", columnDefinition = "bytea")
    private byte[] thumbnail;

    @Column(name = "thumbnail_type", length = 40)
    private String thumbnailType;

    protected MediaBytes() {
    }

    public MediaBytes(UUID mediaId, byte[] content, byte[] subtitles, byte[] thumbnail, String thumbnailType) {
        this.mediaId = mediaId;
        this.content = content;
        this.subtitles = subtitles;
        this.thumbnail = thumbnail;
        this.thumbnailType = thumbnailType;
    }

    public void replaceSubtitles(byte[] subtitles) {
        this.subtitles = subtitles;
    }

    public UUID mediaId() {
        return mediaId;
    }

    public byte[] content() {
        return content;
    }

    public byte[] subtitles() {
        return subtitles;
    }

    public byte[] thumbnail() {
        return thumbnail;
    }

    public String thumbnailType() {
        return thumbnailType;
    }
}
