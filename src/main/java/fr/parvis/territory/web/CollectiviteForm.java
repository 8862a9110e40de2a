package fr.parvis.territory.web;

import fr.parvis.territory.CollectiviteSettings;
import fr.parvis.territory.CollectiviteView;
import fr.parvis.territory.TimeZones;

/** The collectivité settings form (field names follow {@link CollectiviteSettings}). */
public class CollectiviteForm {

    private String name;
    private String slug;
    private String officialCode;
    private String siren;
    private Integer population;
    private String parentCode;
    private String primaryColor;
    private String timeZone = TimeZones.DEFAULT;

    static CollectiviteForm of(CollectiviteView view) {
        CollectiviteForm form = new CollectiviteForm();
        form.name = view.name();
        form.slug = view.slug();
        form.officialCode = view.officialCode();
        form.siren = view.siren();
        form.population = view.population();
        form.parentCode = view.parentOfficialCode();
        form.primaryColor = view.primaryColor();
        form.timeZone = view.timeZone();
        return form;
    }

    CollectiviteSettings toSettings() {
        return new CollectiviteSettings(name, slug, officialCode, siren, population, parentCode, primaryColor, timeZone);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getOfficialCode() {
        return officialCode;
    }

    public void setOfficialCode(String officialCode) {
        this.officialCode = officialCode;
    }

    public String getSiren() {
        return siren;
    }

    public void setSiren(String siren) {
        this.siren = siren;
    }

    public Integer getPopulation() {
        return population;
    }

    public void setPopulation(Integer population) {
        this.population = population;
    }

    public String getParentCode() {
        return parentCode;
    }

    public void setParentCode(String parentCode) {
        this.parentCode = parentCode;
    }

    public String getPrimaryColor() {
        return primaryColor;
    }

    public void setPrimaryColor(String primaryColor) {
        this.primaryColor = primaryColor;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
