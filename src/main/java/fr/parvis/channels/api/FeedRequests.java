package fr.parvis.channels.api;

import fr.parvis.channels.feeds.FeedKind;
import fr.parvis.channels.feeds.FeedsProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of {@code /api/v1/feeds}. */
final class FeedRequests {

    private FeedRequests() {
    }

    /** A feed to subscribe. */
    @Schema(name = "FeedSubscribe", description = "Un flux RSS ou Atom à suivre : adresse http(s) publique, type, "
            + "libellé facultatif")
    record Subscribe(@NotBlank @Size(max = FeedsProperties.MAX_URL_LENGTH) String url, FeedKind kind,
            @Size(max = 120) String label) {
    }

    /** Changes to a source: a missing field keeps its value. */
    @Schema(name = "FeedPatch", description = "Modification partielle : état (PAUSED pour mettre en pause, ACTIVE "
            + "pour reprendre), type, libellé (chaîne vide pour l'effacer)")
    record Patch(Status status, FeedKind kind, @Size(max = 120) String label) {
    }

    /** The states a client may ask for. */
    enum Status {
        ACTIVE, PAUSED
    }
}
