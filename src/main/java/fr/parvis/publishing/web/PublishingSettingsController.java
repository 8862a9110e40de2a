package fr.parvis.publishing.web;

import fr.parvis.publishing.CircuitSettingsView;
import fr.parvis.publishing.PublishingSettingsManagement;
import fr.parvis.publishing.mail.MailQueue;
import fr.parvis.shared.DomainException;
import fr.parvis.shared.Ids;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.web.FormErrors;
import fr.parvis.territory.Permission;
import fr.parvis.territory.Role;
import fr.parvis.territory.access.Actors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.util.EnumSet;
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

/** The publication settings: the approval circuit, and each account's own levels and native scheduling. */
@Controller
class PublishingSettingsController {

    private final PublishingSettingsManagement settings;
    private final MailQueue mails;

    PublishingSettingsController(PublishingSettingsManagement settings, MailQueue mails) {
        this.settings = settings;
        this.mails = mails;
    }

    @GetMapping("/parametres/publication")
    String show(Model model) {
        CircuitSettingsView current = settings.settings();
        SettingsForm form = new SettingsForm();
        form.setApprovalLevels(current.approvalLevels());
        form.setLevel1Roles(EnumSet.copyOf(withNone(current.level1Roles())));
        form.setLevel2Roles(EnumSet.copyOf(withNone(current.level2Roles())));
        form.setNotifyByEmail(current.notifyByEmail());
        return render(model, form);
    }

    @PostMapping("/parametres/publication")
    String change(@ModelAttribute("circuit") SettingsForm form, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        if (!result.hasErrors()) {
            try {
                settings.change(form.getApprovalLevels(), form.getLevel1Roles(), form.getLevel2Roles(),
                        form.isNotifyByEmail());
                redirect.addFlashAttribute("flash", "publishing.ui.settings.saved");
                return "redirect:/parametres/publication";
            } catch (DomainException | ConstraintViolationException e) {
                FormErrors.bind(e, result);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return render(model, form);
    }

    @PostMapping("/parametres/publication/comptes/{accountId}")
    String changeAccount(@PathVariable String accountId,
            @RequestParam(name = "approvalLevels", required = false) String levels,
            @RequestParam(name = "nativeScheduling", defaultValue = "false") boolean nativeScheduling,
            RedirectAttributes redirect) {
        UUID account = Ids.parse(accountId);
        try {
            Integer parsed = levels == null || levels.isBlank() ? null : parse(levels);
            settings.changeAccount(account, parsed, nativeScheduling);
            redirect.addFlashAttribute("flash", "publishing.ui.settings.accountSaved");
        } catch (DomainException e) {
            if (e instanceof fr.parvis.shared.NotFoundException notFound) {
                throw notFound;
            }
            WebSupport.flash(e, redirect);
        }
        return "redirect:/parametres/publication";
    }

    @PostMapping("/parametres/publication/reserve")
    String changeReserveNames(@RequestParam(name = "reserveNames", defaultValue = "") String names,
            RedirectAttributes redirect) {
        try {
            settings.changeReserveNames(List.of(names.split("\\R", -1)));
            redirect.addFlashAttribute("flash", "publishing.ui.settings.reserve.saved");
        } catch (DomainException e) {
            WebSupport.flash(e, redirect);
        }
        return "redirect:/parametres/publication";
    }

    @PostMapping("/parametres/publication/courriels/{mailId}/relancer")
    String retryMail(@PathVariable String mailId, RedirectAttributes redirect) {
        mails.retry(Ids.parse(mailId));
        redirect.addFlashAttribute("flash", "publishing.ui.settings.mails.retried");
        return "redirect:/parametres/publication";
    }

    private static Integer parse(String levels) {
        try {
            return Integer.valueOf(levels.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("publishing.settings.levels", "approvalLevels",
                    PublishingSettingsManagement.MAX_LEVELS);
        }
    }

    private static java.util.Collection<Role> withNone(java.util.Set<Role> roles) {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles;
    }

    private String render(Model model, SettingsForm form) {
        model.addAttribute("circuit", form);
        model.addAttribute("accounts", settings.accountSettings());
        model.addAttribute("approverRoles", List.of(Role.ADMIN, Role.COMMUNICATION_DIRECTOR, Role.ELECTED_OFFICIAL));
        boolean canChange = Actors.has(Permission.PUBLISHING_SETTINGS);
        model.addAttribute("canChange", canChange);
        model.addAttribute("reserveNames", String.join("\n", settings.reserveNames()));
        model.addAttribute("failedMails", canChange ? mails.failed() : List.of());
        return "publishing/settings";
    }
}
