package fr.parvis.territory.web;

import fr.parvis.territory.CollectiviteType;
import fr.parvis.territory.NewCollectivite;

/** Creation of a collectivité attached to the current one. */
public class AttachedCollectiviteForm extends CollectiviteForm {

    private CollectiviteType type;

    NewCollectivite toNewCollectivite() {
        return new NewCollectivite(type, toSettings());
    }

    public CollectiviteType getType() {
        return type;
    }

    public void setType(CollectiviteType type) {
        this.type = type;
    }
}
