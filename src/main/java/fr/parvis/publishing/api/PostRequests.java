package fr.parvis.publishing.api;

import fr.parvis.publishing.PostCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Request bodies of {@code /api/v1/posts}. */
final class PostRequests {

    private PostRequests() {
    }

    /** A post to create or the new content of a post (a missing field is emptied, as in the composer). */
    @Schema(name = "PostInput", description = "Une publication : un message et une déclinaison par compte "
            + "(son propre texte, ou le message si le texte est absent)")
    record PostInput(
            @Schema(description = "Titre interne (listes, calendrier), jamais publié") @Size(max = 120) String title,
            @Schema(description = "Le message, repris par les déclinaisons sans texte propre",
                    example = "La médiathèque ouvre le dimanche à partir du 3 janvier.") @Size(max = 10000)
            String body,
            @Schema(description = "Lien http(s) ajouté au texte", example = "https://www.ville.example/mediatheque")
            @Size(max = 2048) String link,
            @Schema(description = "Campagne : le lien reçoit utm_source (le réseau), utm_medium=social et "
                    + "utm_campaign") @Size(max = 100) String utmCampaign,
            @Schema(description = "Publication sponsorisée (refusée en période de réserve électorale)") Boolean boosted,
            @Schema(description = "Heure de publication (UTC), absente pour décider plus tard",
                    example = "2027-01-05T08:00:00Z") Instant scheduledAt,
            @Schema(description = "Une déclinaison par compte (1 à 20 comptes)") @NotNull @Size(min = 1, max = 20)
            List<@Valid @NotNull VariantInput> variants) {

        PostCommand command() {
            return new PostCommand(title, body, link, utmCampaign, Boolean.TRUE.equals(boosted), scheduledAt,
                    variants.stream().map(VariantInput::command).toList());
        }
    }

    /** The post on one account. */
    @Schema(name = "VariantInput", description = "La publication sur un compte")
    record VariantInput(
            @Schema(description = "Identifiant du compte social (voir /api/v1/accounts)") @NotNull UUID accountId,
            @Schema(description = "Texte propre à ce compte ; absent ou vide : le message") @Size(max = 10000)
            String text,
            @Schema(description = "Premier commentaire, publié en réponse, si le réseau permet les réponses "
                    + "(sur les réseaux à fils, équivaut à un fil d'une partie ; pas avec un fil)")
            @Size(max = 10000) String firstComment,
            @Schema(description = "Médias de la médiathèque, dans l'ordre (4 au plus)") @Size(max = 4)
            List<@NotNull UUID> mediaIds,
            @Schema(description = "Fil : les parties publiées après la publication, chacune en réponse à la "
                    + "précédente (Sandbox, Bluesky, Mastodon, X ; 25 parties au plus)")
            @Size(max = PostCommand.MAX_THREAD_PARTS) List<@Valid @NotNull ThreadPartInput> thread) {

        PostCommand.VariantCommand command() {
            return new PostCommand.VariantCommand(accountId, text, firstComment, mediaIds,
                    thread == null ? List.of() : thread.stream().map(ThreadPartInput::command).toList());
        }
    }

    /** One part of a thread. */
    @Schema(name = "ThreadPartInput", description = "Une partie du fil : son texte (compté comme le réseau le "
            + "compte) et ses médias")
    record ThreadPartInput(
            @Schema(description = "Texte de la partie", example = "Les horaires complets sont sur le site.")
            @Size(max = 10000) String text,
            @Schema(description = "Médias de la médiathèque, dans l'ordre (4 au plus)") @Size(max = 4)
            List<@NotNull UUID> mediaIds) {

        PostCommand.ThreadPartCommand command() {
            return new PostCommand.ThreadPartCommand(text, mediaIds);
        }
    }

    /** Sending a post into the approval circuit. */
    @Schema(name = "PostSubmission", description = "Soumission au circuit de validation : les codes des "
            + "avertissements lus et acceptés (voir /checks)")
    record Submission(@Schema(description = "Codes des avertissements acceptés") @Size(max = 200)
            Set<@NotBlank @Size(max = 200) String> acknowledged) {
    }

    /** An approval, with an optional comment. */
    @Schema(name = "PostApproval", description = "Validation d'un niveau du circuit, avec un commentaire facultatif")
    record Approval(@Schema(description = "Commentaire facultatif") @Size(max = 2000) String comment) {
    }

    /** Sending a post back to its author. */
    @Schema(name = "PostChangesRequest", description = "Renvoi à l'auteur, avec la raison (obligatoire)")
    record ChangesRequest(@Schema(description = "Ce qu'il faut changer", example = "Précisez la salle.")
            @NotBlank @Size(max = 2000) String comment) {
    }

    /** A publication time. */
    @Schema(name = "PostSchedule", description = "Heure de publication (UTC)")
    record Schedule(@Schema(example = "2027-01-05T08:00:00Z") @NotNull Instant at) {
    }

    /** What a person found on the network when the outcome of a publication was unknown. */
    @Schema(name = "PublicationResolution", description = "Décision sur une publication au résultat incertain : "
            + "publiée (avec son adresse si connue), ou non publiée (elle repart)")
    record Resolution(@Schema(description = "La publication est-elle sur le réseau ?") @NotNull Boolean published,
            @Schema(description = "Adresse de la publication sur le réseau") @Size(max = 2048) String url) {
    }
}
