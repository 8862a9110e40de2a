package fr.parvis.territory.web;

import fr.parvis.territory.MunicipalServiceView;
import fr.parvis.territory.ServiceDraft;

/** A municipal service form (field names follow {@link ServiceDraft}). */
public class ServiceForm {

    private String name;
    private String description;
    private String contactEmail;

    static ServiceForm of(MunicipalServiceView view) {
        ServiceForm form = new ServiceForm();
        form.name = view.name();
        form.description = view.description();
        form.contactEmail = view.contactEmail();
        return form;
    }

    ServiceDraft toDraft() {
        return new ServiceDraft(name, description, contactEmail);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }
}
