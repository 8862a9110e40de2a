package fr.parvis.system.web;

import fr.parvis.territory.BrandColors;
import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.access.Actors;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The accent colour of the current collectivité as a style sheet, so that pages need no inline
 * style (the Content-Security-Policy forbids them). The colour is used only if it is readable.
 */
@Controller
class ThemeController {

    private final CollectiviteManagement collectivites;

    ThemeController(CollectiviteManagement collectivites) {
        this.collectivites = collectivites;
    }

    @GetMapping(value = "/theme.css", produces = "text/css")
    ResponseEntity<String> theme() {
        String accent = Actors.currentAgent().isPresent() ? collectivites.current().accentColor() : BrandColors.NEUTRAL_BLUE;
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("text/css;charset=UTF-8"))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePrivate())
                .body(":root { --accent: " + accent + "; }\n");
    }
}
