package fr.parvis.system.web;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Landing pages of the capability areas that later versions fill (strategy, publications,
 * exchanges, watch, statistics, participation). Each says plainly what the area will offer and
 * that it is not available yet, and links to what already exists.
 */
@Controller
class AreaController {

    /** Each area and the screens it will hold (message keys under {@code area.<area>.}). */
    static final Map<String, List<String>> AREAS = Map.of(
            "strategie", List.of("objectives", "communities", "diagnostic", "campaigns"),
            "publications", List.of("compose", "calendar", "media", "approvals", "crisis"),
            "echanges", List.of("inbox", "requests", "charter", "moderationLog"),
            "veille", List.of("queries", "mentions", "alerts"),
            "statistiques", List.of("indicators", "reports", "comparisons"),
            "participation", List.of("council", "consultations", "questions", "mutualAid"));

    @GetMapping("/{area:strategie|publications|echanges|veille|statistiques|participation}")
    String area(@PathVariable String area, Model model) {
        model.addAttribute("area", area);
        model.addAttribute("screens", AREAS.get(area));
        return "system/area";
    }
}
