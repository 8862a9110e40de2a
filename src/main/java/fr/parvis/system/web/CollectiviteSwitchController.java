package fr.parvis.system.web;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.Ids;
import fr.parvis.territory.AccountManagement;
import fr.parvis.territory.access.Access;
import fr.parvis.territory.access.AccessManagement;
import fr.parvis.territory.access.Actors;
import fr.parvis.territory.access.ParvisAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Switches the current collectivité. A collectivité the agent may not enter answers 404, like one
 * that does not exist.
 */
@Controller
class CollectiviteSwitchController {

    private final AccessManagement access;
    private final AccountManagement accounts;
    private final SecurityContextRepository contexts;

    CollectiviteSwitchController(AccessManagement access, AccountManagement accounts,
            SecurityContextRepository contexts) {
        this.access = access;
        this.accounts = accounts;
        this.contexts = contexts;
    }

    @PostMapping("/collectivite-courante")
    String switchTo(@RequestParam("collectivite") String collectivite, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        ParvisAuthentication agent = Actors.requireAgent();
        CollectiviteId target = CollectiviteId.of(Ids.parse(collectivite));
        Access granted = access.resolve(agent.userId(), target)
                .orElseThrow(() -> new fr.parvis.shared.NotFoundException("collectivite.notFound"));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(agent.withAccess(granted));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        accounts.rememberCurrentCollectivite();
        redirect.addFlashAttribute("flash", "switch.done");
        redirect.addFlashAttribute("flashArgs", new Object[] {granted.collectiviteName()});
        return "redirect:/";
    }
}
