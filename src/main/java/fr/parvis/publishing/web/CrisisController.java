package fr.parvis.publishing.web;

import fr.parvis.publishing.PostView;
import fr.parvis.publishing.crisis.AlertCommand;
import fr.parvis.publishing.crisis.AlertTemplateView;
import fr.parvis.publishing.crisis.CrisisManagement;
import fr.parvis.publishing.crisis.CrisisStarted;
import fr.parvis.publishing.crisis.CrisisStatus;
import fr.parvis.shared.DomainException;
import fr.parvis.shared.Ids;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.web.FormErrors;
import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.DelegationManagement;
import fr.parvis.territory.DelegationView;
import fr.parvis.territory.Permission;
import fr.parvis.territory.access.Actors;
import fr.parvis.publishing.PublishingManagement;
import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
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
 * Crisis mode pages: {@code /publier/crise} (state, start/end with confirmation, alert templates,
 * history), the page to leave it ({@code /publier/crise/sortie}: the paused posts to resume,
 * reschedule or cancel), a template's edit form and the "Publier l'alerte" form.
 */
@Controller
class CrisisController {

    private final CrisisManagement crisis;
    private final PublishingManagement publishing;
    private final DelegationManagement delegations;
    private final CollectiviteManagement collectivites;
    private final java.time.Clock clock;

    CrisisController(CrisisManagement crisis, PublishingManagement publishing, DelegationManagement delegations,
            CollectiviteManagement collectivites, java.time.Clock clock) {
        this.crisis = crisis;
        this.publishing = publishing;
        this.delegations = delegations;
        this.collectivites = collectivites;
        this.clock = clock;
    }

    @GetMapping("/publier/crise")
    String page(Model model) {
        return render(model, new CrisisForms.Start());
    }

    private String render(Model model, CrisisForms.Start start) {
        CrisisStatus status = crisis.status();
        model.addAttribute("status", status);
        model.addAttribute("start", start);
        model.addAttribute("templates", crisis.templates());
        model.addAttribute("canManage", Actors.has(Permission.CRISIS_MANAGE));
        List<DelegationView> members = Actors.has(Permission.CRISIS_MANAGE) ? delegations.received() : List.of();
        model.addAttribute("members", members);
        return "publishing/crisis";
    }

    @PostMapping("/publier/crise/activation")
    String start(@ModelAttribute("start") CrisisForms.Start form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            CrisisStarted started = crisis.start(form.getReason() == null ? "" : form.getReason(), form.isMembers());
            redirect.addFlashAttribute("flash", started.members().isEmpty() ? "crisis.started.done"
                    : "crisis.started.members");
            redirect.addFlashAttribute("flashArgs", new Object[] {started.paused(), String.join(", ",
                    started.members())});
            return "redirect:/publier/crise";
        } catch (ConstraintViolationException | DomainException e) {
            if (e instanceof DomainException domain && !(domain instanceof InvalidInputException)) {
                redirect.addFlashAttribute("flashError", domain.messageKey());
                return "redirect:/publier/crise";
            }
            FormErrors.bind(e, result);
            return render(model, form);
        }
    }

    @PostMapping("/publier/crise/fin")
    String end(RedirectAttributes redirect) {
        try {
            crisis.end();
            redirect.addFlashAttribute("flash", "crisis.ended.done");
            return "redirect:/publier/crise/sortie";
        } catch (DomainException e) {
            return error(redirect, e, "/publier/crise");
        }
    }

    @GetMapping("/publier/crise/sortie")
    String exit(Model model) {
        model.addAttribute("status", crisis.status());
        model.addAttribute("paused", crisis.pausedPosts());
        model.addAttribute("canManage", Actors.has(Permission.CRISIS_MANAGE));
        model.addAttribute("now", clock.instant());
        return "publishing/crisis-exit";
    }

    @PostMapping("/publier/crise/sortie/reprise")
    String resumeAll(@RequestParam(name = "at", required = false) String at, RedirectAttributes redirect) {
        try {
            int resumed = crisis.resumeAll(at == null || at.isBlank() ? null : parse(at));
            redirect.addFlashAttribute("flash", "crisis.resumed.done");
            redirect.addFlashAttribute("flashArgs", new Object[] {resumed});
        } catch (DomainException e) {
            return error(redirect, e, "/publier/crise/sortie");
        }
        return "redirect:/publier/crise/sortie";
    }

    @PostMapping("/publier/crise/publications/{id}/programmation")
    String reschedule(@PathVariable String id, @RequestParam(name = "at", required = false) String at,
            RedirectAttributes redirect) {
        UUID postId = Ids.parse(id);
        try {
            if (at == null || at.isBlank()) {
                publishing.get(postId);
                throw new InvalidInputException("crisis.at.required", "at");
            }
            PostView post = crisis.reschedule(postId, parse(at));
            redirect.addFlashAttribute("flash", "crisis.rescheduled.done");
            redirect.addFlashAttribute("flashArgs", new Object[] {post.label()});
        } catch (DomainException e) {
            if (e instanceof fr.parvis.shared.NotFoundException notFound) {
                throw notFound;
            }
            return error(redirect, e, "/publier/crise/sortie");
        }
        return "redirect:/publier/crise/sortie";
    }

    @PostMapping("/publier/crise/publications/{id}/annulation")
    String cancel(@PathVariable String id, RedirectAttributes redirect) {
        UUID postId = Ids.parse(id);
        try {
            PostView post = crisis.cancel(postId);
            redirect.addFlashAttribute("flash", "crisis.cancelled.done");
            redirect.addFlashAttribute("flashArgs", new Object[] {post.label()});
        } catch (DomainException e) {
            if (e instanceof fr.parvis.shared.NotFoundException notFound) {
                throw notFound;
            }
            return error(redirect, e, "/publier/crise/sortie");
        }
        return "redirect:/publier/crise/sortie";
    }

    @GetMapping("/publier/crise/modeles/{code}")
    String template(@PathVariable String code, Model model) {
        AlertTemplateView template = crisis.template(code);
        CrisisForms.Template form = new CrisisForms.Template();
        form.setTitle(template.title());
        form.setBody(template.body());
        return renderTemplate(model, template, form);
    }

    private String renderTemplate(Model model, AlertTemplateView template, CrisisForms.Template form) {
        model.addAttribute("template", template);
        model.addAttribute("form", form);
        model.addAttribute("canManage", Actors.has(Permission.CRISIS_MANAGE));
        return "publishing/crisis-template";
    }

    @PostMapping("/publier/crise/modeles/{code}")
    String saveTemplate(@PathVariable String code, @ModelAttribute("form") CrisisForms.Template form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        AlertTemplateView template = crisis.template(code);
        try {
            crisis.editTemplate(code, form.getTitle(), form.getBody());
            redirect.addFlashAttribute("flash", "crisis.template.saved");
            redirect.addFlashAttribute("flashArgs", new Object[] {form.getTitle()});
            return "redirect:/publier/crise";
        } catch (ConstraintViolationException | InvalidInputException e) {
            FormErrors.bind(e, result);
            return renderTemplate(model, template, form);
        }
    }

    @GetMapping("/publier/crise/alertes")
    String alertForm(@RequestParam(name = "modele", required = false) String code, Model model) {
        AlertTemplateView template = crisis.template(code == null ? "" : code);
        CrisisForms.Alert form = new CrisisForms.Alert();
        form.setTemplateCode(template.code());
        form.setCommune(collectivites.current().name());
        return renderAlert(model, template, form);
    }

    private String renderAlert(Model model, AlertTemplateView template, CrisisForms.Alert form) {
        model.addAttribute("template", template);
        model.addAttribute("alert", form);
        model.addAttribute("targets", publishing.targets());
        model.addAttribute("canManage", Actors.has(Permission.CRISIS_MANAGE));
        return "publishing/crisis-alert";
    }

    @PostMapping("/publier/crise/alertes")
    String publishAlert(@ModelAttribute("alert") CrisisForms.Alert form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        AlertTemplateView template = crisis.template(form.getTemplateCode() == null ? "" : form.getTemplateCode());
        try {
            PostView post = crisis.publishAlert(new AlertCommand(template.code(), form.values(), form.getAccountIds()));
            redirect.addFlashAttribute("flash", "crisis.alert.published");
            redirect.addFlashAttribute("flashArgs", new Object[] {post.label(), post.variants().size()});
            return "redirect:/publier/crise";
        } catch (ConstraintViolationException | InvalidInputException e) {
            if (e instanceof InvalidInputException invalid && "values".equals(invalid.field())) {
                result.reject(invalid.messageKey(), invalid.arguments(), null);
            } else {
                FormErrors.bind(e, result);
            }
            return renderAlert(model, template, form);
        }
    }

    private ZoneId zone() {
        return ZoneId.of(collectivites.current().timeZone());
    }

    private Instant parse(String at) {
        try {
            return LocalDateTime.parse(at.strip()).atZone(zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("crisis.at.invalid", "at");
        }
    }

    private static String error(RedirectAttributes redirect, DomainException e, String to) {
        redirect.addFlashAttribute("flashError", e.messageKey());
        redirect.addFlashAttribute("flashArgs", e.arguments());
        return "redirect:" + to;
    }
}
