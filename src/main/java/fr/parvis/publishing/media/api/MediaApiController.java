package fr.parvis.publishing.media.api;

import fr.parvis.publishing.media.MediaFilter;
import fr.parvis.publishing.media.MediaId;
import fr.parvis.publishing.media.MediaKind;
import fr.parvis.publishing.media.MediaLibrary;
import fr.parvis.publishing.media.MediaPage;
import fr.parvis.publishing.media.MediaUpload;
import fr.parvis.publishing.media.MediaView;
import fr.parvis.publishing.media.web.MediaResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The media library of the current collectivité. */
@RestController
@Validated
@RequestMapping("/api/v1/media")
@Tag(name = "Médias", description = "La médiathèque de la collectivité : images (JPEG, PNG, GIF) avec leur texte "
        + "alternatif, vidéos (MP4, WebM) avec leurs sous-titres.")
class MediaApiController {

    private final MediaLibrary library;

    MediaApiController(MediaLibrary library) {
        this.library = library;
    }

    @GetMapping
    @Operation(operationId = "listMedia", summary = "Médias de la collectivité, les plus récents d'abord")
    MediaPage list(@RequestParam(required = false) MediaKind kind,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(defaultValue = "false") boolean altTextMissing,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "24") @Min(1) @Max(MediaLibrary.MAX_PAGE_SIZE) int size) {
        return library.list(new MediaFilter(kind, archived, altTextMissing), page, size);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ApiResponse(responseCode = "201", description = "Le média (ou le média existant quand ces octets y sont déjà)")
    @ApiResponse(responseCode = "409", description = "Les mêmes octets envoyés au même instant par quelqu'un d'autre")
    @ApiResponse(responseCode = "413", description = "Requête plus grande que la limite du serveur")
    @Operation(operationId = "uploadMedia", summary = "Ajouter une image ou une vidéo",
            description = "Le type est lu dans les premiers octets du fichier, jamais dans son nom : images JPEG, PNG, "
                    + "GIF, WebP (SVG, HEIF et AVIF refusés), vidéos MP4 et WebM. Image : 15 Mo et 50 mégapixels au plus, texte "
                    + "alternatif de 1 500 caractères au plus (vide : l'image est enregistrée comme brouillon, marquée "
                    + "« texte alternatif manquant », et ne peut pas être publiée). Vidéo : 200 Mo au plus, avec un "
                    + "fichier de sous-titres (WebVTT ou SubRip, 1 Mo au plus) ou burnedInSubtitles=true. Les mêmes "
                    + "octets envoyés deux fois donnent le même média.")
    ResponseEntity<MediaView> upload(
            @Parameter(description = "L'image ou la vidéo") @RequestPart(name = "file", required = false)
            MultipartFile file,
            @Parameter(description = "Texte alternatif de l'image") @RequestParam(required = false)
            @Size(max = MediaLibrary.MAX_ALT_TEXT) String altText,
            @Parameter(description = "Sous-titres de la vidéo (.vtt ou .srt)") @RequestPart(name = "subtitles",
                    required = false) MultipartFile subtitles,
            @Parameter(description = "La vidéo porte ses sous-titres dans l'image")
            @RequestParam(defaultValue = "false") boolean burnedInSubtitles) {
        MediaView media = library.upload(new MediaUpload(file == null ? null : file.getOriginalFilename(), bytes(file),
                altText, subtitles == null ? null : subtitles.getOriginalFilename(), bytes(subtitles),
                burnedInSubtitles));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/media/{id}")
                        .buildAndExpand(media.id()).toUri())
                .body(media);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getMedia", summary = "Un média (sans ses octets)")
    MediaView get(@PathVariable String id) {
        return library.get(MediaId.parse(id));
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "updateMedia", summary = "Changer le texte alternatif, archiver ou remettre un média",
            description = "Un champ absent garde sa valeur. altText vide : l'image est marquée « texte alternatif "
                    + "manquant ». archived=true retire le média de la médiathèque sans le supprimer (les "
                    + "publications qui l'utilisent le gardent).")
    MediaView update(@PathVariable String id, @Valid @RequestBody Patch patch) {
        MediaId mediaId = MediaId.parse(id);
        MediaView media = library.get(mediaId);
        if (patch.altText() != null) {
            media = library.updateAlt(mediaId, patch.altText());
        }
        if (patch.archived() != null) {
            media = patch.archived() ? library.archive(mediaId) : library.restore(mediaId);
        }
        return media;
    }

    @GetMapping("/{id}/content")
    @Operation(operationId = "getMediaContent", summary = "Les octets d'origine du média",
            responses = @ApiResponse(responseCode = "200", description = "Le fichier, avec son type détecté",
                    content = @Content(mediaType = "application/octet-stream",
                            schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<byte[]> content(@PathVariable String id) {
        return MediaResponses.attachment(library.content(MediaId.parse(id)));
    }

    /** Changes to a medium: a missing field keeps its value. */
    @Schema(name = "MediaPatch", description = "Modification partielle : texte alternatif (chaîne vide pour "
            + "l'effacer), archivage")
    record Patch(@Size(max = MediaLibrary.MAX_ALT_TEXT) String altText, Boolean archived) {
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file == null || file.isEmpty() ? null : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
