package fr.parvis.publishing.media.web;

import fr.parvis.publishing.media.MediaFilter;
import fr.parvis.publishing.media.MediaId;
import fr.parvis.publishing.media.MediaKind;
import fr.parvis.publishing.media.MediaLibrary;
import fr.parvis.publishing.media.MediaProperties;
import fr.parvis.publishing.media.MediaUpload;
import fr.parvis.publishing.media.MediaView;
import fr.parvis.shared.NotFoundException;
import fr.parvis.shared.web.FormErrors;
import fr.parvis.territory.Permission;
import fr.parvis.territory.access.Actors;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The media library pages: the grid with previews and the upload form, each medium's page
 * (alternative text, archive, restore), its preview and its original file.
 */
@Controller
class MediaController {

    static final String BASE = "/publier/medias";

    private final MediaLibrary library;
    private final MediaProperties properties;

    MediaController(MediaLibrary library, MediaProperties properties) {
        this.library = library;
        this.properties = properties;
    }

    @GetMapping(BASE)
    String list(@RequestParam(name = "type", required = false) MediaKind kind,
            @RequestParam(name = "archives", defaultValue = "false") boolean archived,
            @RequestParam(name = "sansAlternative", defaultValue = "false") boolean altMissing,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        return render(model, new MediaFilter(kind, archived, altMissing), page, new MediaForms.Upload());
    }

    @PostMapping(BASE)
    String upload(@ModelAttribute("upload") MediaForms.Upload form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            MediaView media = library.upload(new MediaUpload(name(form.getFile()), bytes(form.getFile()),
                    form.getAltText(), name(form.getSubtitles()), bytes(form.getSubtitles()),
                    form.isBurnedInSubtitles()));
            redirect.addFlashAttribute("flash", media.altTextMissing() ? "media.uploaded.altMissing" : "media.uploaded");
            redirect.addFlashAttribute("flashArgs", new Object[] {media.fileName()});
            return "redirect:" + BASE + "/" + media.id();
        } catch (RuntimeException e) {
            if (!FormErrors.bind(e, result)) {
                throw e;
            }
        }
        return render(model, MediaFilter.current(), 0, form);
    }

    @GetMapping(BASE + "/{id}")
    String detail(@PathVariable String id, Model model) {
        MediaView media = library.get(MediaId.parse(id));
        MediaForms.Describe describe = new MediaForms.Describe();
        describe.setAltText(media.altText());
        return renderDetail(model, media, describe);
    }

    @PostMapping(BASE + "/{id}/texte-alternatif")
    String describe(@PathVariable String id, @ModelAttribute("describe") MediaForms.Describe form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        MediaId mediaId = MediaId.parse(id);
        MediaView media = library.get(mediaId);
        try {
            MediaView updated = library.updateAlt(mediaId, form.getAltText());
            redirect.addFlashAttribute("flash", updated.altTextMissing() ? "media.described.altMissing"
                    : "media.described");
            return "redirect:" + BASE + "/" + mediaId;
        } catch (RuntimeException e) {
            if (!FormErrors.bind(e, result)) {
                throw e;
            }
        }
        return renderDetail(model, media, form);
    }

    @PostMapping(BASE + "/{id}/archivage")
    String archive(@PathVariable String id, RedirectAttributes redirect) {
        MediaView media = library.archive(MediaId.parse(id));
        redirect.addFlashAttribute("flash", "media.archived.done");
        redirect.addFlashAttribute("flashArgs", new Object[] {media.fileName()});
        return "redirect:" + BASE + "/" + media.id();
    }

    @PostMapping(BASE + "/{id}/restauration")
    String restore(@PathVariable String id, RedirectAttributes redirect) {
        MediaView media = library.restore(MediaId.parse(id));
        redirect.addFlashAttribute("flash", "media.restored.done");
        redirect.addFlashAttribute("flashArgs", new Object[] {media.fileName()});
        return "redirect:" + BASE + "/" + media.id();
    }

    @GetMapping(BASE + "/{id}/apercu")
    ResponseEntity<byte[]> preview(@PathVariable String id) {
        return MediaResponses.inline(library.preview(MediaId.parse(id))
                .orElseThrow(() -> new NotFoundException("media.preview.none")));
    }

    @GetMapping(BASE + "/{id}/fichier")
    ResponseEntity<byte[]> original(@PathVariable String id) {
        return MediaResponses.attachment(library.content(MediaId.parse(id)));
    }

    private String render(Model model, MediaFilter filter, int page, MediaForms.Upload form) {
        model.addAttribute("media", library.list(filter, page));
        model.addAttribute("filter", filter);
        model.addAttribute("upload", form);
        model.addAttribute("canWrite", Actors.has(Permission.POSTS_WRITE));
        model.addAttribute("maxImageMb", properties.maxImageSize().toMegabytes());
        model.addAttribute("maxVideoMb", properties.maxVideoSize().toMegabytes());
        model.addAttribute("maxMegapixels", properties.maxImagePixels() / 1_000_000);
        model.addAttribute("maxAltText", MediaLibrary.MAX_ALT_TEXT);
        return "publishing/media";
    }

    private String renderDetail(Model model, MediaView media, MediaForms.Describe form) {
        model.addAttribute("item", media);
        model.addAttribute("describe", form);
        model.addAttribute("canWrite", Actors.has(Permission.POSTS_WRITE));
        model.addAttribute("maxAltText", MediaLibrary.MAX_ALT_TEXT);
        return "publishing/media-detail";
    }

    private static String name(MultipartFile file) {
        return file == null ? null : file.getOriginalFilename();
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file == null || file.isEmpty() ? null : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
