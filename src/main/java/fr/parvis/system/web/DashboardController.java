package fr.parvis.system.web;

import fr.parvis.channels.AccountStatus;
import fr.parvis.channels.SocialAccountManagement;
import fr.parvis.channels.SocialAccountView;
import fr.parvis.compliance.AuditQuery;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.CollectiviteType;
import fr.parvis.territory.CollectiviteView;
import fr.parvis.territory.MemberManagement;
import fr.parvis.territory.MunicipalServiceManagement;
import fr.parvis.territory.Permission;
import fr.parvis.territory.access.Actors;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard: today's tasks of the agent. While the publishing and engagement modules are not
 * there, it shows the set-up steps of the collectivité computed from its real state, and the
 * latest audited actions for administrators.
 */
@Controller
class DashboardController {

    private final CollectiviteManagement collectivites;
    private final MemberManagement members;
    private final MunicipalServiceManagement services;
    private final AuditTrail audit;
    private final SocialAccountManagement accounts;

    DashboardController(CollectiviteManagement collectivites, MemberManagement members,
            MunicipalServiceManagement services, AuditTrail audit, SocialAccountManagement accounts) {
        this.accounts = accounts;
        this.collectivites = collectivites;
        this.members = members;
        this.services = services;
        this.audit = audit;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        CollectiviteView collectivite = collectivites.current();
        List<SocialAccountView> socialAccounts = accounts.list();
        model.addAttribute("toReconnect", socialAccounts.stream()
                .filter(a -> a.status() == AccountStatus.RECONNECTION_NEEDED).toList());
        model.addAttribute("accountCount", socialAccounts.stream()
                .filter(a -> a.status() != AccountStatus.DISABLED).count());
        int serviceCount = services.list().size();
        Integer memberCount = Actors.has(Permission.MEMBERS_VIEW) ? members.list().size() : null;
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("identity", collectivite.officialCode() != null
                && (collectivite.population() != null || collectivite.type() != CollectiviteType.COMMUNE),
                "/parametres/collectivite"));
        steps.add(new Step("branding", collectivite.hasLogo() && collectivite.primaryColor() != null,
                "/parametres/collectivite"));
        steps.add(new Step("services", serviceCount > 0, "/parametres/services"));
        steps.add(new Step("accounts", socialAccounts.stream().anyMatch(a -> a.status() == AccountStatus.CONNECTED),
                "/parametres/comptes"));
        if (memberCount != null) {
            steps.add(new Step("team", memberCount > 1, "/parametres/utilisateurs"));
        }
        model.addAttribute("steps", steps);
        model.addAttribute("stepsDone", steps.stream().filter(Step::done).count());
        model.addAttribute("serviceCount", serviceCount);
        model.addAttribute("memberCount", memberCount);
        if (Actors.has(Permission.AUDIT_VIEW)) {
            model.addAttribute("recent", audit.search(new AuditQuery(null, null, null, null, null, 0, 5)).entries());
        }
        return "system/dashboard";
    }

    /** A set-up step: its message key suffix, whether it is done, where to do it. */
    record Step(String key, boolean done, String link) {
    }
}
