package fr.parvis.publishing.feeds.web;

import fr.parvis.publishing.feeds.FeedRuleCommand;
import fr.parvis.publishing.feeds.FeedRuleManagement;
import fr.parvis.publishing.feeds.FeedRuleView;
import fr.parvis.shared.DomainException;
import fr.parvis.shared.Ids;
import fr.parvis.shared.NotFoundException;
import fr.parvis.territory.Permission;
import fr.parvis.territory.access.Actors;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /publier/sources-vers-brouillons}: per RSS/Atom source, whether and how its new items become posts. */
@Controller
class FeedRulesController {

    private final FeedRuleManagement rules;

    FeedRulesController(FeedRuleManagement rules) {
        this.rules = rules;
    }

    @GetMapping("/publier/sources-vers-brouillons")
    String page(Model model) {
        model.addAttribute("rules", rules.list());
        model.addAttribute("targets", rules.targets());
        model.addAttribute("canManage", Actors.has(Permission.PUBLISHING_SETTINGS));
        return "publishing/feed-rules";
    }

    @PostMapping("/publier/sources-vers-brouillons/{id}")
    String save(@PathVariable String id, @RequestParam(name = "enabled", defaultValue = "false") boolean enabled,
            @RequestParam(name = "accountIds", required = false) List<UUID> accountIds,
            @RequestParam(name = "template", required = false) String template,
            @RequestParam(name = "autoPublish", defaultValue = "false") boolean autoPublish,
            RedirectAttributes redirect) {
        UUID sourceId = Ids.parse(id);
        try {
            FeedRuleView rule = rules.save(sourceId, new FeedRuleCommand(enabled, accountIds, template, autoPublish));
            redirect.addFlashAttribute("flash", "feedRule.saved");
            redirect.addFlashAttribute("flashArgs", new Object[] {rule.sourceName()});
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            redirect.addFlashAttribute("flashArgs", e.arguments());
        } catch (ConstraintViolationException e) {
            redirect.addFlashAttribute("flashError", "feedRule.template.tooLong");
        }
        return "redirect:/publier/sources-vers-brouillons#source-" + sourceId;
    }
}
