package fr.parvis.publishing.web;

import fr.parvis.publishing.crisis.CrisisBanner;
import fr.parvis.publishing.crisis.CrisisManagement;
import fr.parvis.territory.access.Actors;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds the crisis banner ({@code crisisBanner}, {@code null} when there is no crisis) to the model
 * of every page of an agent; the layout shows it through {@code fragments/crisis-banner}. Not for
 * the REST API (no model there).
 */
@ControllerAdvice(annotations = Controller.class)
class CrisisBannerAdvice {

    private final CrisisManagement crisis;

    CrisisBannerAdvice(CrisisManagement crisis) {
        this.crisis = crisis;
    }

    @ModelAttribute("crisisBanner")
    CrisisBanner crisisBanner(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || Actors.currentAgent().isEmpty()) {
            return null;
        }
        return crisis.banner().orElse(null);
    }
}
