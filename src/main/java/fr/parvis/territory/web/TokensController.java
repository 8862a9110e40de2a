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
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Personal access tokens. The secret of a new token is shown once, in the answer to the creation
 * form itself: it is never stored (not even in the session, which lives in the database), never
 * put in a URL, and the answer is not cached.
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
            HttpServletResponse response) {
        if (!result.hasErrors()) {
            try {
                CreatedApiToken created = tokens.create(form.toNewApiToken());
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                model.addAttribute("createdToken", created);
                model.addAttribute("form", new TokenForm());
                return render(model);
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
