package fr.parvis.territory.web;

import fr.parvis.shared.Ids;
import fr.parvis.shared.web.FormErrors;
import fr.parvis.territory.ApiTokenManagement;
import fr.parvis.territory.ApiTokenView;
import fr.parvis.territory.CreatedApiToken;
import fr.parvis.territory.Permission;
import fr.parvis.territory.Role;
import fr.parvis.territory.access.Actors;
import fr.parvis.territory.access.ParvisAuthentication;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Personal access tokens. The secret of a new token is shown once, on the page that follows its
 * creation (it travels as a flash attribute, never in a URL).
 */
@Controller
class TokensController {

    private final ApiTokenManagement tokens;

    TokensController(ApiTokenManagement tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/parametres/jetons")
    String list(Model model) {
        model.addAttribute("form", new TokenForm());
        return render(model);
    }

    @PostMapping("/parametres/jetons")
    String create(@ModelAttribute("form") TokenForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                CreatedApiToken created = tokens.create(form.toNewApiToken());
                redirect.addFlashAttribute("createdToken", created);
                return "redirect:/parametres/jetons";
            } catch (RuntimeException e) {
                if (!FormErrors.bind(e, result)) {
                    throw e;
                }
            }
        }
        return render(model);
    }

    @PostMapping("/parametres/jetons/{id}/revocation")
    String revoke(@PathVariable String id, RedirectAttributes redirect) {
        ApiTokenView revoked = tokens.revoke(Ids.parse(id));
        redirect.addFlashAttribute("flash", "tokens.revoked");
        redirect.addFlashAttribute("flashArgs", new Object[] {revoked.name()});
        return "redirect:/parametres/jetons";
    }

    private String render(Model model) {
        ParvisAuthentication agent = Actors.requireAgent();
        model.addAttribute("mine", tokens.mine());
        if (Actors.has(Permission.TOKENS_ADMINISTER)) {
            model.addAttribute("all", tokens.all());
        }
        model.addAttribute("grantableRoles", Arrays.stream(Role.values()).filter(agent.role()::covers).toList());
        return "territory/tokens";
    }
}
