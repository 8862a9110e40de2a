package fr.parvis.territory.domain;

import fr.parvis.shared.Texts;
import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A municipal service (voirie, propreté, état civil…) to which citizen requests can be routed. */
@Entity
@Table(name = "territory_municipal_service")
public class MunicipalService extends TenantScoped {

    @Column(name = "name", nullable = false, length = 120)
    private String name;

    @Column(name = "name_key", nullable = false, length = 120)
    private String nameKey;

    @Column(name = "description", length = 500)
    private String description;

    @Column(name = "contact_email", length = 254)
    private String contactEmail;

    @Column(name = "active", nullable = false)
    private boolean active;

    protected MunicipalService() {
    }

    public MunicipalService(String name, String description, String contactEmail) {
        update(name, description, contactEmail);
        this.active = true;
    }

    public static String keyOf(String name) {
        return Texts.foldAccents(name).replaceAll("\\s+", " ").strip();
    }

    public void update(String name, String description, String contactEmail) {
        this.name = name;
        this.nameKey = keyOf(name);
        this.description = description;
        this.contactEmail = contactEmail;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String contactEmail() {
        return contactEmail;
    }

    public boolean active() {
        return active;
    }
}
