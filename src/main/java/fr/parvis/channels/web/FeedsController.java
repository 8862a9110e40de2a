package fr.parvis.channels.web;

import fr.parvis.channels.feeds.FeedFetchReport;
import fr.parvis.channels.feeds.FeedKind;
import fr.parvis.channels.feeds.FeedSourceManagement;
import fr.parvis.channels.feeds.FeedSourceView;
import fr.parvis.shared.Ids;
import fr.parvis.shared.web.FormErrors;
import fr.parvis.territory.Permission;
import fr.parvis.territory.access.Actors;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The RSS/Atom sources of the collectivité: list with their state, subscription form, and each
 * source's page (latest items, read now, pause, resume, delete).
 */
@Controller
class FeedsController {

    private static final int ITEMS_PER_PAGE = 20;

    private final FeedSourceManagement feeds;

    FeedsController(FeedSourceManagement feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/parametres/sources")
    String list(Model model) {
        return renderList(model, new FeedForms.Subscribe());
    }

    @PostMapping("/parametres/sources")
    String subscribe(@ModelAttribute("feed") FeedForms.Subscribe form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                FeedSourceView source = feeds.subscribe(form.getUrl(), form.getKind(), form.getLabel());
                redirect.addFlashAttribute("flash", "feeds.subscribed.done");
                redirect.addFlashAttribute("flashArgs", new Object[] {source.url()});
                return "redirect:/parametres/sources/" + source.id();
            } catch (RuntimeException e) {
                if (!FormErrors.bind(e, result)) {
                    throw e;
                }
            }
        }
        return renderList(model, form);
    }

    @GetMapping("/parametres/sources/{id}")
    String detail(@PathVariable String id, @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        UUID sourceId = Ids.parse(id);
        FeedSourceView source = feeds.get(sourceId);
        FeedForms.Subscribe describe = new FeedForms.Subscribe();
        describe.setKind(source.kind());
        describe.setLabel(source.label());
        model.addAttribute("source", source);
        model.addAttribute("items", feeds.items(sourceId, page, ITEMS_PER_PAGE));
        model.addAttribute("describe", describe);
        model.addAttribute("kinds", List.of(FeedKind.values()));
        model.addAttribute("canManage", Actors.has(Permission.CHANNELS_MANAGE));
        return "channels/feed";
    }

    @PostMapping("/parametres/sources/{id}/description")
    String describe(@PathVariable String id, @ModelAttribute("describe") FeedForms.Subscribe form,
            RedirectAttributes redirect) {
        UUID sourceId = Ids.parse(id);
        try {
            feeds.describe(sourceId, form.getKind(), form.getLabel());
            redirect.addFlashAttribute("flash", "feeds.described.done");
        } catch (jakarta.validation.ConstraintViolationException e) {
            redirect.addFlashAttribute("flashError", "feeds.label.invalid");
        }
        return "redirect:/parametres/sources/" + sourceId;
    }

    @PostMapping("/parametres/sources/{id}/lecture")
    String fetch(@PathVariable String id, RedirectAttributes redirect) {
        UUID sourceId = Ids.parse(id);
        FeedFetchReport report = feeds.fetchNow(sourceId);
        if (report.failed()) {
            redirect.addFlashAttribute("flashError", report.errorKey());
            redirect.addFlashAttribute("flashArgs", report.errorArguments().toArray());
        } else if (report.notModified()) {
            redirect.addFlashAttribute("flash", "feeds.fetch.notModified");
        } else {
            redirect.addFlashAttribute("flash", "feeds.fetch.done");
            redirect.addFlashAttribute("flashArgs", new Object[] {report.newItems()});
        }
        return "redirect:/parametres/sources/" + sourceId;
    }

    @PostMapping("/parametres/sources/{id}/pause")
    String pause(@PathVariable String id, RedirectAttributes redirect) {
        FeedSourceView source = feeds.pause(Ids.parse(id));
        redirect.addFlashAttribute("flash", "feeds.paused.done");
        return "redirect:/parametres/sources/" + source.id();
    }

    @PostMapping("/parametres/sources/{id}/reprise")
    String resume(@PathVariable String id, RedirectAttributes redirect) {
        FeedSourceView source = feeds.resume(Ids.parse(id));
        redirect.addFlashAttribute("flash", "feeds.resumed.done");
        return "redirect:/parametres/sources/" + source.id();
    }

    @PostMapping("/parametres/sources/{id}/suppression")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        FeedSourceView source = feeds.get(Ids.parse(id));
        feeds.delete(source.id());
        redirect.addFlashAttribute("flash", "feeds.deleted.done");
        redirect.addFlashAttribute("flashArgs", new Object[] {source.displayName()});
        return "redirect:/parametres/sources";
    }

    private String renderList(Model model, FeedForms.Subscribe form) {
        model.addAttribute("sources", feeds.list());
        model.addAttribute("kinds", List.of(FeedKind.values()));
        model.addAttribute("canManage", Actors.has(Permission.CHANNELS_MANAGE));
        model.addAttribute("feed", form);
        return "channels/feeds";
    }
}
