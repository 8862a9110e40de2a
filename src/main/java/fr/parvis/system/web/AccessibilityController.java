package fr.parvis.system.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The accessibility statement (loi 2005-102, art. 47), public. */
@Controller
class AccessibilityController {

    @GetMapping("/accessibilite")
    String statement() {
        return "system/accessibility";
    }
}
