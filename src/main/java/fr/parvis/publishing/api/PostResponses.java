package fr.parvis.publishing.api;

import fr.parvis.channels.spi.Network;
import fr.parvis.publishing.CheckFinding;
import fr.parvis.publishing.CheckReport;
import fr.parvis.publishing.PostStatus;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.ThreadPartState;
import fr.parvis.publishing.ThreadPartView;
import fr.parvis.publishing.VariantState;
import fr.parvis.publishing.VariantView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of {@code /api/v1/posts}: the views, with their message keys put in words. */
final class PostResponses {

    private PostResponses() {
    }

    /** Resolves a message key in the caller's language. */
    interface Words {
        String text(String key, List<?> arguments);
    }

    @Schema(name = "Post", description = "Une publication, son état dans le circuit et sa publication sur chaque compte")
    record PostResponse(UUID id, String label, String title, String body, String link, String utmCampaign,
            boolean boosted, PostStatus status,
            @Schema(description = "L'état en mots, dans la langue demandée") String statusLabel,
            Instant scheduledAt, int approvalLevels, int approvalsGiven,
            @Schema(description = "COMPOSER, API, FEED, CSV ou CRISIS") String origin, String authorName,
            UUID authorId, Instant createdAt, Instant updatedAt, boolean pausedByCrisis, String approvalBypass,
            List<VariantResponse> variants) {

        static PostResponse of(PostView post, Words words) {
            return new PostResponse(post.id(), post.label(), post.title(), post.body(), post.link(),
                    post.utmCampaign(), post.boosted(), post.status(),
                    words.text("post.status." + post.status().name(), List.of()), post.scheduledAt(),
                    post.approvalLevels(), post.approvalsGiven(), post.origin(), post.authorName(), post.authorId(),
                    post.createdAt(), post.updatedAt(), post.pausedByCrisis(), post.approvalBypass(),
                    post.variants().stream().map(v -> VariantResponse.of(v, words)).toList());
        }
    }

    @Schema(name = "PostVariant", description = "La publication sur un compte : texte final (avec le lien balisé), "
            + "longueur comptée comme le réseau, état, identifiant et adresse sur le réseau, erreur")
    record VariantResponse(UUID id, UUID accountId, Network network, String handle,
            @Schema(description = "Texte propre à ce compte, absent s'il reprend le message") String ownText,
            @Schema(description = "Le texte tel qu'il partira") String text, String firstComment, List<UUID> mediaIds,
            VariantState state, String stateLabel,
            @Schema(description = "Heure prévue de publication") Instant dueAt,
            @Schema(description = "Identifiant de la publication sur le réseau") String externalId,
            @Schema(description = "Adresse de la publication sur le réseau") String url, Instant publishedAt,
            @Schema(description = "La dernière erreur, s'il y en a une") Problem error,
            @Schema(description = "Longueur du texte comptée comme le réseau") int length,
            @Schema(description = "Longueur maximale du réseau") int maxLength, boolean tooLong,
            @Schema(description = "Qui a tranché un résultat incertain") String resolvedBy,
            @Schema(description = "Le fil : les parties publiées après, dans l'ordre") List<ThreadPartResponse> thread) {

        static VariantResponse of(VariantView v, Words words) {
            Problem error = v.errorKey() == null ? null
                    : new Problem(v.errorKey(), words.text(v.errorKey(), v.errorArguments()));
            return new VariantResponse(v.id(), v.accountId(), v.network(), v.handle(), v.ownText(), v.text(),
                    v.firstComment(), v.mediaIds(), v.state(), words.text("variant.state." + v.state().name(), List.of()),
                    v.dueAt(), v.externalId(), v.url(), v.publishedAt(), error, v.length(), v.maxLength(), v.tooLong(),
                    v.resolvedBy(), v.thread().stream().map(p -> ThreadPartResponse.of(p, words)).toList());
        }
    }

    @Schema(name = "ThreadPart", description = "Une partie du fil : texte, longueur comptée comme le réseau, état, "
            + "identifiant et adresse sur le réseau une fois publiée")
    record ThreadPartResponse(@Schema(description = "Numéro de la partie, à partir de 1") int number, String text,
            List<UUID> mediaIds, ThreadPartState state, String stateLabel, int length, int maxLength, boolean tooLong,
            @Schema(description = "Identifiant de la partie sur le réseau") String externalId,
            @Schema(description = "Adresse de la partie sur le réseau") String url, Instant publishedAt,
            @Schema(description = "La dernière erreur, s'il y en a une") Problem error, String resolvedBy) {

        static ThreadPartResponse of(ThreadPartView p, Words words) {
            Problem error = p.errorKey() == null ? null
                    : new Problem(p.errorKey(), words.text(p.errorKey(), p.errorArguments()));
            return new ThreadPartResponse(p.number(), p.text(), p.mediaIds(), p.state(),
                    words.text("thread.state." + p.state().name(), List.of()), p.length(), p.maxLength(), p.tooLong(),
                    p.externalId(), p.url(), p.publishedAt(), error, p.resolvedBy());
        }
    }

    @Schema(name = "PublicationError", description = "Une erreur : sa clé stable et son texte")
    record Problem(String code, String message) {
    }

    @Schema(name = "PostChecks", description = "Les vérifications avant publication : les erreurs bloquent, les "
            + "avertissements doivent être acceptés (par leur code) à la soumission")
    record ChecksResponse(@Schema(description = "Aucune erreur et aucun avertissement non accepté") boolean passes,
            int errors, int unacknowledgedWarnings, List<FindingResponse> findings) {

        static ChecksResponse of(CheckReport report, Words words) {
            return new ChecksResponse(report.passes(), report.errors().size(), report.unacknowledgedWarnings().size(),
                    report.findings().stream().map(f -> FindingResponse.of(f, words)).toList());
        }
    }

    @Schema(name = "PostCheckFinding", description = "Un résultat des vérifications")
    record FindingResponse(@Schema(description = "Code stable, celui qu'on accepte pour un avertissement") String code,
            CheckFinding.Severity severity,
            @Schema(description = "Le compte concerné, absent pour toute la publication") UUID accountId,
            String message,
            @Schema(description = "La source de la règle (critère RGAA, article du Code électoral…)") String reference,
            boolean acknowledged) {

        static FindingResponse of(CheckFinding f, Words words) {
            return new FindingResponse(f.code(), f.severity(), f.accountId(), words.text(f.messageKey(), f.arguments()),
                    f.reference(), f.acknowledged());
        }
    }
}
