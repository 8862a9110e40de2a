package fr.parvis.territory.web;

import fr.parvis.shared.ConflictException;
import fr.parvis.shared.Ids;
import fr.parvis.shared.web.FormErrors;
import fr.parvis.territory.AddedMember;
import fr.parvis.territory.MemberManagement;
import fr.parvis.territory.MemberView;
import fr.parvis.territory.Permission;
import fr.parvis.territory.PasswordPolicy;
import fr.parvis.territory.Role;
import fr.parvis.territory.access.Actors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Users and roles of the current collectivité. */
@Controller
class MembersController {

    private final MemberManagement members;

    MembersController(MemberManagement members) {
        this.members = members;
    }

    @GetMapping("/parametres/utilisateurs")
    String list(Model model) {
        model.addAttribute("form", new MemberForm());
        return render(model);
    }

    @PostMapping("/parametres/utilisateurs")
    String add(@ModelAttribute("form") MemberForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Actors.require(Permission.MEMBERS_MANAGE);
        if (!result.hasErrors()) {
            try {
                AddedMember added = members.add(form.toNewMember());
                redirect.addFlashAttribute("flash", added.newAccount() ? "members.added.new" : "members.added.existing");
                redirect.addFlashAttribute("flashArgs", new Object[] {added.member().displayName(), added.member().email()});
                return "redirect:/parametres/utilisateurs";
            } catch (RuntimeException e) {
                if (!FormErrors.bind(e, result)) {
                    throw e;
                }
            }
        }
        form.setInitialPassword(null);
        return render(model);
    }

    @PostMapping("/parametres/utilisateurs/{id}/role")
    String changeRole(@PathVariable String id, @RequestParam("role") Role role, RedirectAttributes redirect) {
        try {
            MemberView member = members.changeRole(Ids.parse(id), role);
            redirect.addFlashAttribute("flash", "members.roleChanged");
            redirect.addFlashAttribute("flashArgs", new Object[] {member.displayName()});
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/parametres/utilisateurs";
    }

    @PostMapping("/parametres/utilisateurs/{id}/retrait")
    String remove(@PathVariable String id, RedirectAttributes redirect) {
        MemberView member = members.get(Ids.parse(id));
        try {
            members.remove(member.id());
            redirect.addFlashAttribute("flash", "members.removed");
            redirect.addFlashAttribute("flashArgs", new Object[] {member.displayName()});
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/parametres/utilisateurs";
    }

    @PostMapping("/parametres/utilisateurs/{id}/deverrouillage")
    String unlock(@PathVariable String id, RedirectAttributes redirect) {
        MemberView member = members.unlock(Ids.parse(id));
        redirect.addFlashAttribute("flash", "members.unlocked");
        redirect.addFlashAttribute("flashArgs", new Object[] {member.displayName()});
        return "redirect:/parametres/utilisateurs";
    }

    private String render(Model model) {
        model.addAttribute("members", members.list());
        model.addAttribute("roles", Role.values());
        model.addAttribute("canManage", Actors.has(Permission.MEMBERS_MANAGE));
        model.addAttribute("me", Actors.requireAgent().userId());
        model.addAttribute("minPasswordLength", PasswordPolicy.MIN_LENGTH);
        return "territory/members";
    }
}
