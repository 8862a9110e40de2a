package fr.parvis.territory.api;

import fr.parvis.territory.CollectiviteType;
import fr.parvis.territory.CollectiviteView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** A collectivité and its settings. */
@Schema(name = "Collectivite", description = "Une collectivité et ses réglages")
record CollectiviteResponse(
        UUID id,
        CollectiviteType type,
        String name,
        String slug,
        @Schema(description = "Code INSEE (commune, département, région) ou SIREN (EPCI, autre organisme)")
        String officialCode,
        String siren,
        Integer population,
        UUID parentId,
        String parentName,
        String parentOfficialCode,
        @Schema(description = "Couleur de la collectivité, #RRGGBB")
        String primaryColor,
        @Schema(description = "Couleur utilisée par l'interface : celle de la collectivité si elle est assez "
                + "contrastée, sinon un bleu neutre")
        String accentColor,
        String timeZone,
        boolean demo,
        boolean hasLogo) {

    static CollectiviteResponse of(CollectiviteView view) {
        return new CollectiviteResponse(view.id().value(), view.type(), view.name(), view.slug(), view.officialCode(),
                view.siren(), view.population(), view.parentId() == null ? null : view.parentId().value(),
                view.parentName(), view.parentOfficialCode(), view.primaryColor(), view.accentColor(), view.timeZone(),
                view.demo(), view.hasLogo());
    }
}
