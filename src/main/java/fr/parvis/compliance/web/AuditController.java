package fr.parvis.compliance.web;

import fr.parvis.compliance.AuditPage;
import fr.parvis.compliance.AuditQuery;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.shared.Texts;
import fr.parvis.territory.MemberManagement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail of the current collectivité, searchable by administrators. */
@Controller
class AuditController {

    static final List<String> ACTIONS = List.of("account.login", "account.locked", "account.unlocked",
            "account.passwordChanged", "collectivite.created", "collectivite.updated", "collectivite.logo.changed",
            "collectivite.logo.removed", "collectivite.attached", "member.added", "member.roleChanged",
            "member.removed", "service.created", "service.updated", "service.deactivated", "service.reactivated",
            "token.created", "token.revoked", "delegation.granted", "delegation.revoked", "delegation.received",
            "delegation.lost", "channels.account.connected", "channels.account.reconnected",
            "channels.account.reconnectionNeeded", "channels.account.status", "channels.account.community",
            "channels.feed.subscribed", "channels.feed.paused", "channels.feed.resumed", "channels.feed.deleted");

    private final AuditTrail trail;
    private final MemberManagement members;

    AuditController(AuditTrail trail, MemberManagement members) {
        this.trail = trail;
        this.members = members;
    }

    @GetMapping("/parametres/journal")
    String search(@RequestParam(name = "action", required = false) String action,
            @RequestParam(name = "acteur", required = false) String actor,
            @RequestParam(name = "texte", required = false) String text,
            @RequestParam(name = "du", required = false) String from,
            @RequestParam(name = "au", required = false) String to,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        List<String> errors = new ArrayList<>();
        LocalDate fromDate = date(from, "du", errors);
        LocalDate toDate = date(to, "au", errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.add("audit.filter.range");
        }
        UUID actorId = null;
        if (Texts.clean(actor) != null) {
            try {
                actorId = UUID.fromString(actor.strip());
            } catch (IllegalArgumentException e) {
                errors.add("audit.filter.actor");
            }
        }
        String cleanAction = Texts.clean(action) != null && ACTIONS.contains(action.strip()) ? action.strip() : null;
        String cleanText = Texts.clean(text);
        if (cleanText != null && cleanText.length() > 100) {
            cleanText = cleanText.substring(0, 100);
        }
        AuditQuery query = new AuditQuery(cleanAction, actorId, cleanText, errors.isEmpty() ? fromDate : null,
                errors.isEmpty() ? toDate : null, Math.max(0, Math.min(page, 100_000)), 50);
        AuditPage result = trail.search(query);
        model.addAttribute("result", result);
        model.addAttribute("errors", errors);
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("members", members.list());
        model.addAttribute("filter", new Filter(cleanAction, actorId == null ? null : actorId.toString(), cleanText, from,
                to));
        return "compliance/audit";
    }

    private static LocalDate date(String value, String field, List<String> errors) {
        if (Texts.clean(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add("audit.filter.date." + field);
            return null;
        }
    }

    /** The filter as entered, to refill the form and build page links. */
    record Filter(String action, String actor, String text, String from, String to) {
    }
}
