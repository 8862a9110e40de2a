package fr.parvis.publishing.web;

import fr.parvis.publishing.CircuitSettingsView;
import fr.parvis.publishing.PostStatus;
import fr.parvis.publishing.PostView;
import fr.parvis.shared.DomainException;
import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.Permission;
import fr.parvis.territory.Role;
import fr.parvis.territory.access.Actors;
import fr.parvis.territory.access.ParvisAuthentication;
import jakarta.validation.ConstraintViolationException;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Helpers shared by the publishing pages: the collectivité's time zone, who may decide, error flashes. */
@Component
class WebSupport {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final CollectiviteManagement collectivites;

    WebSupport(CollectiviteManagement collectivites) {
        this.collectivites = collectivites;
    }

    /** The collectivité's time zone (Europe/Paris unless it is overseas). */
    ZoneId zone() {
        try {
            String zone = collectivites.current().timeZone();
            return zone == null ? PARIS : ZoneId.of(zone);
        } catch (DateTimeException e) {
            return PARIS;
        }
    }

    /** Whether the current agent may decide on the post's next approval level (the service checks again). */
    static boolean canDecide(PostView post, CircuitSettingsView circuit) {
        if (post.status() != PostStatus.SUBMITTED || !Actors.has(Permission.POSTS_APPROVE)) {
            return false;
        }
        ParvisAuthentication agent = Actors.currentAgent().orElse(null);
        if (agent == null || !circuit.rolesFor(post.approvalsGiven() + 1).contains(agent.role())) {
            return false;
        }
        return agent.role() == Role.ADMIN || !agent.userId().value().equals(post.authorId());
    }

    /** Puts a service error in the next page's error message; false when it is not an input error. */
    static boolean flash(RuntimeException e, RedirectAttributes redirect) {
        if (e instanceof DomainException domain) {
            redirect.addFlashAttribute("flashError", domain.messageKey());
            redirect.addFlashAttribute("flashArgs", domain.arguments());
            return true;
        }
        if (e instanceof ConstraintViolationException) {
            redirect.addFlashAttribute("flashError", "publishing.ui.invalid");
            return true;
        }
        return false;
    }

    /** "Network @handle" of each account, to name the account of a check's finding. */
    static java.util.Map<java.util.UUID, String> handles(java.util.List<fr.parvis.channels.PublishingTarget> targets) {
        java.util.Map<java.util.UUID, String> handles = new java.util.LinkedHashMap<>();
        targets.forEach(t -> handles.put(t.accountId(), t.label()));
        return handles;
    }
}
