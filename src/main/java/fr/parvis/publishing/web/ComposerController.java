package fr.parvis.publishing.web;

import fr.parvis.channels.PublishingTarget;
import fr.parvis.channels.spi.Network;
import fr.parvis.publishing.CheckReport;
import fr.parvis.publishing.PostCommand;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.shared.DomainException;
import fr.parvis.shared.Ids;
import fr.parvis.shared.NotFoundException;
import fr.parvis.shared.web.FormErrors;
import fr.parvis.territory.Permission;
import fr.parvis.territory.access.Actors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The composer: one message, a variant per selected account, the live preview as each network
 * counts (rendered by the server from the form, saved nowhere), saving a draft and submitting it
 * with the acknowledged warnings.
 */
@Controller
class ComposerController {

    private static final int MAX_ACKS = 200;

    private final PublishingManagement publishing;
    private final WebSupport support;

    ComposerController(PublishingManagement publishing, WebSupport support) {
        this.publishing = publishing;
        this.support = support;
    }

    /** The composer; {@code media} (from the media library's "use in a post") pre-fills every variant's media. */
    @GetMapping("/publier/nouveau")
    String compose(@RequestParam(name = "media", required = false) List<String> media, Model model) {
        Actors.require(Permission.POSTS_WRITE);
        ComposerForm form = new ComposerForm();
        if (media != null && !media.isEmpty()) {
            String ids = media.stream().limit(4).map(Ids::parse).map(java.util.UUID::toString)
                    .collect(java.util.stream.Collectors.joining(" "));
            for (var target : publishing.targets()) {
                form.getVariants().get(target.accountId().toString()).setMediaIds(ids);
            }
        }
        return render(model, form, null, ComposerPreview.empty());
    }

    @PostMapping("/publier/nouveau")
    String create(@ModelAttribute("composer") ComposerForm form, BindingResult result,
            @RequestParam(name = "action", defaultValue = "draft") String action,
            @RequestParam(name = "ack", required = false) List<String> acks, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        model.addAttribute("acks", acks == null ? Set.of() : Set.copyOf(acks.subList(0, Math.min(acks.size(), MAX_ACKS))));
        return save(null, form, result, action, acks, model, redirect, response);
    }

    @GetMapping("/publier/publications/{id}/modifier")
    String edit(@PathVariable String id, Model model) {
        Actors.require(Permission.POSTS_WRITE);
        PostView post = publishing.get(Ids.parse(id));
        ComposerForm form = ComposerForm.of(post, support.zone());
        return render(model, form, post.id(), preview(form));
    }

    @PostMapping("/publier/publications/{id}/modifier")
    String update(@PathVariable String id, @ModelAttribute("composer") ComposerForm form, BindingResult result,
            @RequestParam(name = "action", defaultValue = "draft") String action,
            @RequestParam(name = "ack", required = false) List<String> acks, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID postId = publishing.get(Ids.parse(id)).id();
        model.addAttribute("acks", acks == null ? Set.of() : Set.copyOf(acks.subList(0, Math.min(acks.size(), MAX_ACKS))));
        return save(postId, form, result, action, acks, model, redirect, response);
    }

    /** The live preview (htmx): counts, network cards and checks of the form as typed. Saves nothing. */
    @PostMapping("/publier/apercu")
    String preview(@ModelAttribute("composer") ComposerForm form, BindingResult result,
            @RequestParam(name = "ack", required = false) List<String> acks, Model model) {
        model.addAttribute("acks", acks == null ? Set.of() : Set.copyOf(acks.subList(0, Math.min(acks.size(), MAX_ACKS))));
        model.addAttribute("handles", handles());
        model.addAttribute("findingAnchors", true);
        model.addAttribute("preview", result.hasErrors() ? ComposerPreview.problem("publishing.ui.invalid")
                : preview(form));
        return "publishing/composer :: preview";
    }

    private String save(UUID existing, ComposerForm form, BindingResult result, String action, List<String> acks,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        UUID postId = existing;
        if (!result.hasErrors()) {
            if ("preview".equals(action)) {
                return render(model, form, postId, preview(form));
            }
            try {
                Set<String> acknowledged = acks(acks);
                PostCommand command = form.command(support.zone());
                PostView post = postId == null ? publishing.create(command) : publishing.update(postId, command);
                postId = post.id();
                if ("submit".equals(action)) {
                    PostView submitted = publishing.submit(post.id(), acknowledged);
                    redirect.addFlashAttribute("flash", "publishing.ui.submitted");
                    redirect.addFlashAttribute("flashArgs", new Object[] {submitted.label()});
                } else {
                    redirect.addFlashAttribute("flash", "publishing.ui.saved");
                    redirect.addFlashAttribute("flashArgs", new Object[] {post.label()});
                }
                return "redirect:/publier/publications/" + post.id();
            } catch (DomainException | ConstraintViolationException e) {
                if (e instanceof NotFoundException notFound) {
                    throw notFound;
                }
                bind(e, result);
                if (existing == null && postId != null) {
                    model.addAttribute("savedAsDraft", true);
                }
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return render(model, form, postId, result.hasFieldErrors("accounts") ? ComposerPreview.empty()
                : preview(form));
    }

    private static Set<String> acks(List<String> acks) {
        if (acks == null) {
            return Set.of();
        }
        if (acks.size() > MAX_ACKS || acks.stream().anyMatch(a -> a == null || a.length() > 200)) {
            throw new fr.parvis.shared.InvalidInputException("publishing.ui.acks.invalid", null);
        }
        return Set.copyOf(acks);
    }

    private static void bind(RuntimeException e, BindingResult result) {
        if (e instanceof DomainException domain && "scheduledAt".equals(domain.field())) {
            result.rejectValue("scheduledDate", domain.messageKey(), domain.arguments(), null);
        } else if (e instanceof DomainException domain && "variants".equals(domain.field())) {
            result.rejectValue("accounts", domain.messageKey(), domain.arguments(), null);
        } else {
            FormErrors.bind(e, result);
        }
    }

    /** The preview of the form as typed, or the reason there is none. */
    ComposerPreview preview(ComposerForm form) {
        if (form.selected().isEmpty()) {
            return ComposerPreview.problem("check.accounts.none");
        }
        if (form.getLink() != null && !form.getLink().isBlank() && !fr.parvis.publishing.PostTexts.validLink(form.getLink())) {
            return ComposerPreview.problem("check.link.invalid");
        }
        try {
            ZoneId zone = support.zone();
            PostCommand command = form.command(zone);
            CheckReport report = publishing.preview(command);
            return ComposerPreview.of(command, publishing.targets(), report);
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            return ComposerPreview.problem(e.messageKey(), e.arguments());
        } catch (ConstraintViolationException e) {
            return ComposerPreview.problem("publishing.ui.invalid");
        }
    }

    private Map<UUID, String> handles() {
        return WebSupport.handles(publishing.targets());
    }

    private String render(Model model, ComposerForm form, UUID postId, ComposerPreview preview) {
        Map<Network, List<PublishingTarget>> byNetwork = new LinkedHashMap<>();
        for (PublishingTarget target : publishing.targets()) {
            byNetwork.computeIfAbsent(target.network(), n -> new java.util.ArrayList<>()).add(target);
        }
        model.addAttribute("composer", form);
        model.addAttribute("postId", postId);
        model.addAttribute("networks", byNetwork);
        model.addAttribute("preview", preview);
        model.addAttribute("findingAnchors", true);
        model.addAttribute("zone", support.zone().getId());
        model.addAttribute("handles", handles());
        if (!model.containsAttribute("acks")) {
            model.addAttribute("acks", Set.of());
        }
        return "publishing/composer";
    }
}
