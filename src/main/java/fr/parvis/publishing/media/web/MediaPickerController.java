package fr.parvis.publishing.media.web;

import fr.parvis.publishing.media.MediaFilter;
import fr.parvis.publishing.media.MediaId;
import fr.parvis.publishing.media.MediaLibrary;
import fr.parvis.publishing.media.MediaPage;
import fr.parvis.publishing.media.MediaView;
import fr.parvis.shared.InvalidInputException;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The composer's media picker (JSON for {@code static/js/composer.js}): a page of the current
 * collectivité's library, newest first, or the media whose ids the composer already holds. A GET
 * that changes nothing; an id of another collectivité is not found (404, Problem Details).
 */
@RestController
class MediaPickerController {

    /** The most ids resolved at once: 4 media for each of the 20 accounts a post may go to. */
    static final int MAX_IDS = 80;

    static final int PAGE_SIZE = 24;

    private final MediaLibrary library;

    MediaPickerController(MediaLibrary library) {
        this.library = library;
    }

    /** A medium as the picker shows it. */
    record Item(String id, String fileName, String mediaType, String kind, String altText, boolean altTextMissing,
            String previewUrl, String pageUrl) {

        static Item of(MediaView m) {
            String base = MediaController.BASE + "/" + m.id();
            return new Item(m.id().toString(), m.fileName(), m.mediaType(), m.kind().name().toLowerCase(
                    java.util.Locale.ROOT), m.altText(), m.altTextMissing(), m.image() ? base + "/apercu" : null, base);
        }
    }

    /** A page of the picker. */
    record Page(List<Item> items, int page, int totalPages, long total) {
    }

    @GetMapping(value = MediaController.BASE + "/choix", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Page> pick(@RequestParam(name = "page", defaultValue = "0") int page,
            @RequestParam(name = "ids", required = false) List<String> ids) {
        Page body;
        if (ids != null && !ids.isEmpty()) {
            if (ids.size() > MAX_IDS) {
                throw new InvalidInputException("media.picker.tooManyIds", "ids", MAX_IDS);
            }
            List<Item> items = ids.stream().distinct().map(id -> Item.of(library.get(MediaId.parse(id)))).toList();
            body = new Page(items, 0, 1, items.size());
        } else {
            MediaPage found = library.list(MediaFilter.current(), page, PAGE_SIZE);
            body = new Page(found.items().stream().map(Item::of).toList(), found.page(), found.totalPages(),
                    found.total());
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
