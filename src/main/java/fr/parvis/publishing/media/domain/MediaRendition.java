package fr.parvis.publishing.media.domain;

import fr.parvis.channels.spi.Network;
import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * An image made for one network (resized, re-encoded, metadata stripped), kept so that it is made
 * once. The signature of the network's limits it was made for tells when it must be made again.
 */
@Entity
@Table(name = "publishing_media_rendition")
public class MediaRendition extends TenantScoped {

    @Column(name = "media_id", nullable = false, updatable = false)
    private UUID mediaId;

    @Enumerated(EnumType.STRING)
    @Column(name = "network", nullable = false, length = 20, updatable = false)
    private Network network;

    @Column(name = "profile_signature", nullable = false, length = 200)
    private String profileSignature;

    @Column(name = "media_type", nullable = false, length = 40)
    private String mediaType;

    @Column(name = "width", nullable = false)
    private int width;

    @Column(name = "height", nullable = false)
    private int height;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "content", nullable = false, columnDefinition = "bytea")
    private byte[] content;

    protected MediaRendition() {
    }

    public MediaRendition(UUID mediaId, Network network, String profileSignature, String mediaType, int width,
            int height, byte[] content) {
        this.mediaId = mediaId;
        this.network = network;
        replace(profileSignature, mediaType, width, height, content);
    }

    public final void replace(String profileSignature, String mediaType, int width, int height, byte[] content) {
        this.profileSignature = profileSignature;
        this.mediaType = mediaType;
        this.width = width;
        this.height = height;
        this.content = content;
        this.sizeBytes = content.length;
    }

    public UUID mediaId() {
        return mediaId;
    }

    public Network network() {
        return network;
    }

    public String profileSignature() {
        return profileSignature;
    }

    public String mediaType() {
        return mediaType;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public byte[] content() {
        return content;
    }
}
