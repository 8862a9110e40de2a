package fr.parvis.territory.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The logo of a collectivité (PNG, JPEG or WebP, bounded in size). */
@Entity
@Table(name = "territory_collectivite_logo")
public class CollectiviteLogo extends TenantScoped {

    @Column(name = "content_type", nullable = false, length = 40)
    private String contentType;

    @Column(name = "content", nullable = false, columnDefinition = "bytea")
    private byte[] content;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    protected CollectiviteLogo() {
    }

    public CollectiviteLogo(String contentType, byte[] content, String sha256) {
        replace(contentType, content, sha256);
    }

    public void replace(String contentType, byte[] content, String sha256) {
        this.contentType = contentType;
        this.content = content.clone();
        this.sha256 = sha256;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] content() {
        return content.clone();
    }

    public String sha256() {
        return sha256;
    }
}
