package fr.parvis.channels.sandbox.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Table;
import java.util.UUID;

/** A video of a Sandbox post, as the simulated network keeps it: its bytes, description and subtitles. */
@Entity
@Table(name = "sandbox_post_video")
public class SandboxPostVideo extends TenantScoped {

    @Column(name = "post_id", nullable = false, updatable = false)
    private UUID postId;

    @Column(name = "position", nullable = false, updatable = false)
    private int position;

    @Column(name = "media_type", nullable = false, length = 40, updatable = false)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false, updatable = false, columnDefinition = "bytea")
    private byte[] content;

    @Column(name = "alt_text", length = 1500, updatable = false)
    private String altText;

    @Column(name = "subtitles", length = 100_000, updatable = false)
    private String subtitles;

    @Column(name = "subtitles_lang", length = 20, updatable = false)
    private String subtitlesLanguage;

    @Column(name = "burned_in", nullable = false, updatable = false)
    private boolean burnedIn;

    @Column(name = "duration_ms", updatable = false)
    private Long durationMs;

    protected SandboxPostVideo() {
    }

    public SandboxPostVideo(UUID postId, int position, String mediaType, byte[] content, String altText,
            String subtitles, String subtitlesLanguage, boolean burnedIn, Long durationMs) {
        this.postId = postId;
        this.position = position;
        this.mediaType = mediaType;
        this.sizeBytes = content.length;
        this.content = content;
        this.altText = altText;
        this.subtitles = subtitles;
        this.subtitlesLanguage = subtitlesLanguage;
        this.burnedIn = burnedIn;
        this.durationMs = durationMs;
    }

    public UUID postId() {
        return postId;
    }

    public int position() {
        return position;
    }

    public String mediaType() {
        return mediaType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public byte[] content() {
        return content;
    }

    public String altText() {
        return altText;
    }

    public String subtitles() {
        return subtitles;
    }

    public String subtitlesLanguage() {
        return subtitlesLanguage;
    }

    public boolean burnedIn() {
        return burnedIn;
    }

    public Long durationMs() {
        return durationMs;
    }
}
