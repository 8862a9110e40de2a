package fr.parvis.publishing.web;

import fr.parvis.publishing.CheckReport;
import fr.parvis.publishing.PostFilter;
import fr.parvis.publishing.PostStatus;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.publishing.PublishingSettingsManagement;
import fr.parvis.shared.DomainException;
import fr.parvis.shared.Ids;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.territory.Permission;
import fr.parvis.territory.access.Actors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The list of posts by status, and each post's page: its variants and their publication, the time,
 * the approval decisions, comments and history.
 */
@Controller
class PostsController {

    /** The status tabs of the list, in order, and the statuses each shows. */
    static final Map<String, Set<PostStatus>> TABS = tabs();

    private static final int PAGE_SIZE = 50;

    private final PublishingManagement publishing;
    private final PublishingSettingsManagement settings;
    private final WebSupport support;

    PostsController(PublishingManagement publishing, PublishingSettingsManagement settings, WebSupport support) {
        this.publishing = publishing;
        this.settings = settings;
        this.support = support;
    }

    private static Map<String, Set<PostStatus>> tabs() {
        Map<String, Set<PostStatus>> tabs = new LinkedHashMap<>();
        tabs.put("toutes", Set.of());
        tabs.put("brouillons", EnumSet.of(PostStatus.DRAFT, PostStatus.CHANGES_REQUESTED, PostStatus.APPROVAL_EXPIRED));
        tabs.put("validation", EnumSet.of(PostStatus.SUBMITTED));
        tabs.put("programmees", EnumSet.of(PostStatus.APPROVED, PostStatus.SCHEDULED, PostStatus.PUBLISHING,
                PostStatus.PAUSED));
        tabs.put("publiees", EnumSet.of(PostStatus.PUBLISHED));
        tabs.put("problemes", EnumSet.of(PostStatus.FAILED, PostStatus.OUTCOME_UNKNOWN));
        tabs.put("annulees", EnumSet.of(PostStatus.CANCELLED));
        return tabs;
    }

    @GetMapping("/publier/publications")
    String list(@RequestParam(name = "statut", defaultValue = "toutes") String tab,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        String current = TABS.containsKey(tab) ? tab : "toutes";
        int bounded = Math.max(0, Math.min(page, 1000));
        List<PostView> posts = publishing.list(new PostFilter(TABS.get(current), null, null, null, null, null),
                bounded, PAGE_SIZE);
        model.addAttribute("tabs", TABS.keySet());
        model.addAttribute("tab", current);
        model.addAttribute("posts", posts);
        model.addAttribute("page", bounded);
        model.addAttribute("hasNext", posts.size() == PAGE_SIZE);
        model.addAttribute("zone", support.zone());
        model.addAttribute("canWrite", Actors.has(Permission.POSTS_WRITE));
        return "publishing/posts";
    }

    @GetMapping("/publier/publications/{id}")
    String detail(@PathVariable String id, Model model) {
        return render(publishing.get(Ids.parse(id)), model);
    }

    /** The posts waiting for a decision of the current agent, with their text per network and checks. */
    @GetMapping("/publier/a-valider")
    String approvals(Model model) {
        return renderApprovals(model);
    }

    private String renderApprovals(Model model) {
        var circuit = settings.settings();
        List<PostView> waiting = publishing.list(new PostFilter(EnumSet.of(PostStatus.SUBMITTED), null, null, null,
                null, null), 0, 200).stream().filter(p -> WebSupport.canDecide(p, circuit)).toList();
        Map<UUID, CheckReport> reports = new LinkedHashMap<>();
        waiting.forEach(p -> reports.put(p.id(), publishing.check(p.id())));
        model.addAttribute("posts", waiting);
        model.addAttribute("reports", reports);
        model.addAttribute("handles", WebSupport.handles(publishing.targets()));
        model.addAttribute("zone", support.zone());
        return "publishing/approvals";
    }

    @PostMapping("/publier/publications/{id}/soumission")
    String submit(@PathVariable String id, @RequestParam(name = "ack", required = false) List<String> acks,
            RedirectAttributes redirect) {
        UUID postId = Ids.parse(id);
        return act(postId, redirect, "publishing.ui.submitted", () -> {
            if (acks != null && (acks.size() > 200 || acks.stream().anyMatch(a -> a.length() > 200))) {
                throw new InvalidInputException("publishing.ui.acks.invalid", null);
            }
            return publishing.submit(postId, acks == null ? Set.of() : Set.copyOf(acks));
        });
    }

    @PostMapping("/publier/publications/{id}/validation")
    String approve(@PathVariable String id, @RequestParam(name = "comment", required = false) String comment,
            @RequestParam(name = "retour", required = false) String back, RedirectAttributes redirect) {
        UUID postId = Ids.parse(id);
        String target = act(postId, redirect, "publishing.ui.approved",
                () -> publishing.approve(postId, comment == null || comment.isBlank() ? null : comment));
        return "a-valider".equals(back) ? "redirect:/publier/a-valider" : target;
    }

    @PostMapping("/publier/publications/{id}/modifications")
    String requestChanges(@PathVariable String id, @RequestParam(name = "comment", required = false) String comment,
            @RequestParam(name = "retour", required = false) String back, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        PostView post = publishing.get(Ids.parse(id));
        if (comment == null || comment.isBlank() || comment.length() > 2000) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("decisionError", comment != null && comment.length() > 2000
                    ? "publishing.ui.comment.tooLong" : "publishing.ui.decision.reasonRequired");
            model.addAttribute("decisionComment", comment);
            if ("a-valider".equals(back)) {
                model.addAttribute("errorPostId", post.id());
                return renderApprovals(model);
            }
            return render(post, model);
        }
        String target = act(post.id(), redirect, "publishing.ui.changesRequested",
                () -> publishing.requestChanges(post.id(), comment));
        return "a-valider".equals(back) ? "redirect:/publier/a-valider" : target;
    }

    @PostMapping("/publier/publications/{id}/programmation")
    String schedule(@PathVariable String id, @RequestParam(name = "date", required = false) String date,
            @RequestParam(name = "time", required = false) String time, RedirectAttributes redirect) {
        UUID postId = Ids.parse(id);
        return act(postId, redirect, "publishing.ui.scheduled", () -> publishing.schedule(postId, instant(date, time)));
    }

    @PostMapping("/publier/publications/{id}/publication-immediate")
    String publishNow(@PathVariable String id, RedirectAttributes redirect) {
        UUID postId = Ids.parse(id);
        return act(postId, redirect, "publishing.ui.publishing", () -> publishing.publishNow(postId));
    }

    @PostMapping("/publier/publications/{id}/annulation")
    String cancel(@PathVariable String id, RedirectAttributes redirect) {
        UUID postId = Ids.parse(id);
        return act(postId, redirect, "publishing.ui.cancelled", () -> publishing.cancel(postId));
    }

    @PostMapping("/publier/publications/{id}/commentaires")
    String comment(@PathVariable String id, @RequestParam(name = "text", required = false) String text,
            RedirectAttributes redirect) {
        UUID postId = Ids.parse(id);
        return act(postId, redirect, "publishing.ui.commented", () -> {
            if (text == null || text.isBlank()) {
                throw new InvalidInputException("publishing.comment.empty", "text");
            }
            if (text.length() > 2000) {
                throw new InvalidInputException("publishing.ui.comment.tooLong", "text");
            }
            publishing.comment(postId, text);
            return publishing.get(postId);
        });
    }

    @PostMapping("/publier/publications/{id}/variantes/{variantId}/resultat")
    String resolve(@PathVariable String id, @PathVariable String variantId,
            @RequestParam(name = "published") boolean published,
            @RequestParam(name = "url", required = false) String url, RedirectAttributes redirect) {
        UUID postId = Ids.parse(id);
        UUID variant = Ids.parse(variantId);
        return act(postId, redirect, published ? "publishing.ui.resolvedOnline" : "publishing.ui.resolvedRepublish",
                () -> {
                    if (url != null && url.length() > 2048) {
                        throw new InvalidInputException("check.link.invalid", "url");
                    }
                    return publishing.resolveOutcome(postId, variant, published, url);
                });
    }

    @PostMapping("/publier/publications/{id}/variantes/{variantId}/fil/{number}/resultat")
    String resolvePart(@PathVariable String id, @PathVariable String variantId, @PathVariable String number,
            @RequestParam(name = "published") boolean published,
            @RequestParam(name = "url", required = false) String url, RedirectAttributes redirect) {
        UUID postId = Ids.parse(id);
        UUID variant = Ids.parse(variantId);
        int part;
        try {
            part = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw new fr.parvis.shared.NotFoundException("publishing.thread.partNotFound");
        }
        return act(postId, redirect, published ? "publishing.ui.resolvedOnline" : "publishing.ui.resolvedRepublish",
                () -> {
                    if (url != null && url.length() > 2048) {
                        throw new InvalidInputException("check.link.invalid", "url");
                    }
                    return publishing.resolveThreadPart(postId, variant, part, published, url);
                });
    }

    private Instant instant(String date, String time) {
        if (date == null || date.isBlank() || time == null || time.isBlank()) {
            throw new InvalidInputException("publishing.ui.schedule.required", "date");
        }
        try {
            return LocalDate.parse(date.strip()).atTime(LocalTime.parse(time.strip())).atZone(support.zone())
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("publishing.ui.schedule.invalid", "date");
        }
    }

    private String act(UUID postId, RedirectAttributes redirect, String done, java.util.function.Supplier<PostView> work) {
        try {
            PostView post = work.get();
            redirect.addFlashAttribute("flash", done);
            redirect.addFlashAttribute("flashArgs", new Object[] {post.label()});
        } catch (DomainException | ConstraintViolationException e) {
            if (e instanceof fr.parvis.shared.NotFoundException notFound) {
                throw notFound;
            }
            WebSupport.flash(e, redirect);
        }
        return "redirect:/publier/publications/" + postId;
    }

    private String render(PostView post, Model model) {
        boolean open = post.status().editable() && post.status() != PostStatus.CANCELLED;
        CheckReport report = open ? publishing.check(post.id()) : null;
        var zone = support.zone();
        model.addAttribute("post", post);
        model.addAttribute("history", publishing.history(post.id()));
        model.addAttribute("handles", WebSupport.handles(publishing.targets()));
        model.addAttribute("report", report);
        model.addAttribute("zone", zone);
        model.addAttribute("canWrite", Actors.has(Permission.POSTS_WRITE));
        model.addAttribute("canDecide", WebSupport.canDecide(post, settings.settings()));
        model.addAttribute("canComment", Actors.has(Permission.POSTS_WRITE) || Actors.has(Permission.POSTS_APPROVE));
        model.addAttribute("submittable", post.status() == PostStatus.DRAFT
                || post.status() == PostStatus.CHANGES_REQUESTED || post.status() == PostStatus.APPROVAL_EXPIRED);
        model.addAttribute("schedulable", EnumSet.of(PostStatus.DRAFT, PostStatus.CHANGES_REQUESTED,
                PostStatus.SUBMITTED, PostStatus.APPROVAL_EXPIRED, PostStatus.APPROVED, PostStatus.SCHEDULED,
                PostStatus.PAUSED, PostStatus.FAILED).contains(post.status()));
        model.addAttribute("publishable", EnumSet.of(PostStatus.APPROVED, PostStatus.SCHEDULED, PostStatus.FAILED)
                .contains(post.status()));
        model.addAttribute("editable", open);
        if (post.scheduledAt() != null) {
            var local = post.scheduledAt().atZone(zone).toLocalDateTime();
            model.addAttribute("scheduleDate", local.toLocalDate().toString());
            model.addAttribute("scheduleTime", local.toLocalTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                    .toString());
        }
        return "publishing/post";
    }
}
