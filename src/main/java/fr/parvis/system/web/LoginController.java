package fr.parvis.system.web;

import fr.parvis.territory.access.Actors;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page. The form posts to {@code /connexion}, handled by Spring Security. */
@Controller
class LoginController {

    @GetMapping("/connexion")
    String login(@RequestParam(name = "erreur", required = false) String error,
            @RequestParam(name = "deconnecte", required = false) String loggedOut, HttpSession session, Model model) {
        if (Actors.currentAgent().isPresent()) {
            return "redirect:/";
        }
        model.addAttribute("error", error == null ? null : switch (error) {
            case "verrouille", "sans-collectivite", "sso-inconnu", "desactive", "sso", "session" -> error;
            default -> "identifiants";
        });
        model.addAttribute("loggedOut", loggedOut != null);
        model.addAttribute("lastEmail", session.getAttribute("parvis.login.lastEmail"));
        Object lockedUntil = session.getAttribute("parvis.login.lockedUntil");
        model.addAttribute("lockedUntil", lockedUntil instanceof Instant instant ? instant : null);
        return "system/login";
    }
}
