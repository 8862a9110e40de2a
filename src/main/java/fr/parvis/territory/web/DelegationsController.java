package fr.parvis.territory.web;

import fr.parvis.shared.DomainException;
import fr.parvis.shared.Ids;
import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.CollectiviteType;
import fr.parvis.territory.CollectiviteView;
import fr.parvis.territory.DelegationManagement;
import fr.parvis.territory.DelegationView;
import fr.parvis.territory.NewDelegation;
import fr.parvis.territory.Permission;
import fr.parvis.territory.Role;
import fr.parvis.territory.access.Actors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Delegations: a commune lets its EPCI act for it (granted and revoked here); an EPCI sees the
 * communes that delegated to it.
 */
@Controller
class DelegationsController {

    private final DelegationManagement delegations;
    private final CollectiviteManagement collectivites;

    DelegationsController(DelegationManagement delegations, CollectiviteManagement collectivites) {
        this.delegations = delegations;
        this.collectivites = collectivites;
    }

    @GetMapping("/parametres/delegations")
    String show(Model model) {
        CollectiviteView current = collectivites.current();
        model.addAttribute("collectivite", current);
        model.addAttribute("given", delegations.given());
        model.addAttribute("activeGiven", delegations.given().stream().anyMatch(DelegationView::active));
        if (current.type() == CollectiviteType.EPCI) {
            model.addAttribute("received", delegations.received());
        }
        model.addAttribute("canManage", Actors.has(Permission.DELEGATIONS_MANAGE));
        model.addAttribute("delegableRoles", Role.delegable().stream().sorted().toList());
        return "territory/delegations";
    }

    @PostMapping("/parametres/delegations")
    String grant(@RequestParam("role") Role role, RedirectAttributes redirect) {
        try {
            DelegationView granted = delegations.grant(new NewDelegation(role));
            redirect.addFlashAttribute("flash", "delegations.granted");
            redirect.addFlashAttribute("flashArgs", new Object[] {granted.delegateName()});
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            redirect.addFlashAttribute("flashArgs", e.arguments());
        }
        return "redirect:/parametres/delegations";
    }

    @PostMapping("/parametres/delegations/{id}/revocation")
    String revoke(@PathVariable String id, RedirectAttributes redirect) {
        DelegationView revoked = delegations.revoke(Ids.parse(id));
        redirect.addFlashAttribute("flash", "delegations.revoked");
        redirect.addFlashAttribute("flashArgs", new Object[] {revoked.delegateName()});
        return "redirect:/parametres/delegations";
    }
}
