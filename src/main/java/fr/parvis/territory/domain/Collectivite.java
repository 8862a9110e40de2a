package fr.parvis.territory.domain;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.persistence.AbstractEntity;
import fr.parvis.shared.tenancy.CrossTenant;
import fr.parvis.territory.CollectiviteType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/** A collectivité: the tenant of everything else. */
@Entity
@Table(name = "territory_collectivite")
@CrossTenant("A collectivité is the tenant itself; access goes through CollectiviteManagement, which scopes to the current one")
public class Collectivite extends AbstractEntity {

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, length = 20)
    private CollectiviteType type;

    @Column(name = "name", nullable = false, length = 150)
    private String name;

    @Column(name = "slug", nullable = false, length = 64, unique = true)
    private String slug;

    @Column(name = "official_code", length = 9)
    private String officialCode;

    @Column(name = "siren", length = 9)
    private String siren;

    @Column(name = "population")
    private Integer population;

    @Column(name = "parent_id")
    private UUID parentId;

    @Column(name = "primary_color", length = 7)
    private String primaryColor;

    @Column(name = "time_zone", nullable = false, length = 40)
    private String timeZone;

    @Column(name = "demo", nullable = false)
    private boolean demo;

    protected Collectivite() {
    }

    public Collectivite(UUID id, CollectiviteType type, String name, String slug, String timeZone, boolean demo) {
        super(id);
        this.type = type;
        this.name = name;
        this.slug = slug;
        this.timeZone = timeZone;
        this.demo = demo;
    }

    public CollectiviteId collectiviteId() {
        return new CollectiviteId(id());
    }

    public CollectiviteType type() {
        return type;
    }

    public String name() {
        return name;
    }

    public String slug() {
        return slug;
    }

    public String officialCode() {
        return officialCode;
    }

    public String siren() {
        return siren;
    }

    public Integer population() {
        return population;
    }

    public UUID parentId() {
        return parentId;
    }

    public String primaryColor() {
        return primaryColor;
    }

    public String timeZone() {
        return timeZone;
    }

    public boolean demo() {
        return demo;
    }

    public void rename(String name, String slug) {
        this.name = name;
        this.slug = slug;
    }

    public void identify(String officialCode, String siren) {
        this.officialCode = officialCode;
        this.siren = siren;
    }

    public void describe(Integer population, String primaryColor, String timeZone) {
        this.population = population;
        this.primaryColor = primaryColor;
        this.timeZone = timeZone;
    }

    public void attachTo(UUID parentId) {
        this.parentId = parentId;
    }
}
