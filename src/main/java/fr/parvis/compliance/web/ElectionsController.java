package fr.parvis.compliance.web;

import fr.parvis.compliance.ElectionChange;
import fr.parvis.compliance.ElectionDraft;
import fr.parvis.compliance.ElectionKind;
import fr.parvis.compliance.ElectionManagement;
import fr.parvis.compliance.ElectionView;
import fr.parvis.compliance.ReserveRules;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The election calendar page of the settings: the elections that concern the collectivité with
 * their reserve period and freezes, adding an ad-hoc or partial election, changing or hiding one.
 */
@Controller
class ElectionsController {

    private final ElectionManagement elections;

    ElectionsController(ElectionManagement elections) {
        this.elections = elections;
    }

    @GetMapping("/parametres/elections")
    String list(Model model) {
        return renderList(model, new ElectionForm());
    }

    @PostMapping("/parametres/elections")
    String create(@ModelAttribute("election") ElectionForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                ElectionView created = elections.create(new ElectionDraft(form.getKind(), form.getName(), form.rounds(),
                        form.isTentative()));
                redirect.addFlashAttribute("flash", "elections.created.done");
                redirect.addFlashAttribute("flashArgs", new Object[] {created.name()});
                return "redirect:/parametres/elections";
            } catch (RuntimeException e) {
                if (!FormErrors.bind(e, result)) {
                    throw e;
                }
            }
        }
        return renderList(model, form);
    }

    @GetMapping("/parametres/elections/{id}")
    String edit(@PathVariable String id, Model model) {
        ElectionView election = elections.get(Ids.parse(id));
        return renderEdit(model, election, ElectionForm.of(election));
    }

    @PostMapping("/parametres/elections/{id}")
    String update(@PathVariable String id, @ModelAttribute("election") ElectionForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        UUID electionId = Ids.parse(id);
        ElectionView election = elections.get(electionId);
        if (!result.hasErrors()) {
            try {
                ElectionView updated = elections.update(electionId, new ElectionChange(
                        election.shipped() ? null : form.getKind(), election.shipped() ? null : form.getName(),
                        form.rounds(), form.isTentative(), null));
                redirect.addFlashAttribute("flash", "elections.updated.done");
                redirect.addFlashAttribute("flashArgs", new Object[] {updated.name()});
                return "redirect:/parametres/elections";
            } catch (RuntimeException e) {
                if (!FormErrors.bind(e, result)) {
                    throw e;
                }
            }
        }
        return renderEdit(model, election, form);
    }

    @PostMapping("/parametres/elections/{id}/masquage")
    String hide(@PathVariable String id, RedirectAttributes redirect) {
        ElectionView election = elections.hide(Ids.parse(id), true);
        redirect.addFlashAttribute("flash", "elections.hidden.done");
        redirect.addFlashAttribute("flashArgs", new Object[] {election.name()});
        return "redirect:/parametres/elections";
    }

    @PostMapping("/parametres/elections/{id}/affichage")
    String show(@PathVariable String id, RedirectAttributes redirect) {
        ElectionView election = elections.hide(Ids.parse(id), false);
        redirect.addFlashAttribute("flash", "elections.shown.done");
        redirect.addFlashAttribute("flashArgs", new Object[] {election.name()});
        return "redirect:/parametres/elections";
    }

    private String renderList(Model model, ElectionForm form) {
        model.addAttribute("elections", elections.list());
        model.addAttribute("kinds", List.of(ElectionKind.values()));
        model.addAttribute("canManage", Actors.has(Permission.PUBLISHING_SETTINGS));
        model.addAttribute("zone", ReserveRules.ZONE);
        model.addAttribute("election", form);
        return "compliance/elections";
    }

    private String renderEdit(Model model, ElectionView election, ElectionForm form) {
        model.addAttribute("current", election);
        model.addAttribute("kinds", List.of(ElectionKind.values()));
        model.addAttribute("canManage", Actors.has(Permission.PUBLISHING_SETTINGS));
        model.addAttribute("election", form);
        return "compliance/election-edit";
    }
}
