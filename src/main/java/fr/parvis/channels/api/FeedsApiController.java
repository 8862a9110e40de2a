package fr.parvis.channels.api;

import fr.parvis.channels.feeds.FeedFetchReport;
import fr.parvis.channels.feeds.FeedItemPage;
import fr.parvis.channels.feeds.FeedSourceManagement;
import fr.parvis.channels.feeds.FeedSourceView;
import fr.parvis.shared.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** RSS/Atom sources of the current collectivité and the items read from them. */
@RestController
@Validated
@RequestMapping("/api/v1/feeds")
@Tag(name = "Sources RSS/Atom")
class FeedsApiController {

    private final FeedSourceManagement feeds;

    FeedsApiController(FeedSourceManagement feeds) {
        this.feeds = feeds;
    }

    @GetMapping
    @Operation(operationId = "listFeeds", summary = "Sources RSS/Atom de la collectivité",
            description = "Avec leur état, la dernière lecture, la dernière erreur et le nombre d'articles.")
    List<FeedSourceView> list() {
        return feeds.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "409", description = "La collectivité suit déjà ce flux")
    @Operation(operationId = "subscribeFeed", summary = "Suivre un flux RSS ou Atom",
            description = "L'adresse doit être en http(s) et désigner un serveur public (pas d'adresse privée, "
                    + "locale ou de lien local). Un même flux ne peut être suivi deux fois (409). La première "
                    + "lecture a lieu au prochain passage de la tâche de lecture, ou tout de suite avec /fetch.")
    ResponseEntity<FeedSourceView> subscribe(@Valid @RequestBody FeedRequests.Subscribe request) {
        FeedSourceView source = feeds.subscribe(request.url(), request.kind(), request.label());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/feeds/{id}")
                        .buildAndExpand(source.id()).toUri())
                .body(source);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getFeed", summary = "Une source et son état")
    FeedSourceView get(@PathVariable String id) {
        return feeds.get(Ids.parse(id));
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "updateFeed", summary = "Mettre en pause, reprendre, changer le type ou le libellé")
    FeedSourceView update(@PathVariable String id, @Valid @RequestBody FeedRequests.Patch patch) {
        UUID sourceId = Ids.parse(id);
        FeedSourceView source = feeds.get(sourceId);
        if (patch.kind() != null || patch.label() != null) {
            source = feeds.describe(sourceId, patch.kind(), patch.label() != null ? patch.label() : source.label());
        }
        if (patch.status() != null) {
            source = switch (patch.status()) {
                case PAUSED -> feeds.pause(sourceId);
                case ACTIVE -> feeds.resume(sourceId);
            };
        }
        return source;
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteFeed", summary = "Ne plus suivre une source (ses articles sont supprimés)")
    ResponseEntity<Void> delete(@PathVariable String id) {
        feeds.delete(Ids.parse(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/fetch")
    @Operation(operationId = "fetchFeed", summary = "Lire la source maintenant",
            description = "Le compte rendu donne le nombre de nouveaux articles, ou l'erreur (aussi enregistrée sur "
                    + "la source).")
    FeedFetchReport fetch(@PathVariable String id) {
        return feeds.fetchNow(Ids.parse(id));
    }

    @GetMapping("/{id}/items")
    @Operation(operationId = "listFeedItems", summary = "Articles lus sur la source, les plus récents d'abord")
    FeedItemPage items(@PathVariable String id, @RequestParam(defaultValue = "0") @Min(0) @Max(10000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return feeds.items(Ids.parse(id), page, size);
    }
}
