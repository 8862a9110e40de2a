package fr.parvis.system.web;

import fr.parvis.territory.CollectiviteView;
import fr.parvis.territory.Permission;
import fr.parvis.territory.Role;
import fr.parvis.territory.access.Access;
import fr.parvis.territory.access.AccessVia;
import java.util.List;
import java.util.Set;

/**
 * What every back-office page shows around its content: who is connected, in which collectivité
 * and with which role, where else they may go, and what their role lets them open.
 *
 * @param collectivite the current collectivité; {@code null} for anonymous pages
 * @param switchable every collectivité the agent may enter (for the switcher)
 * @param oidcLabel name of the single sign-on provider on the login page, or {@code null}
 * @param path path of the current page (for the navigation state)
 * @param query query string of the current page without {@code lang}, or empty
 */
public record Shell(String agentName, String agentEmail, Role role, AccessVia via, String viaName,
        CollectiviteView collectivite, List<Access> switchable, Set<Permission> permissions, boolean demoMode,
        String oidcLabel, String version, String path, String query) {

    public boolean authenticated() {
        return collectivite != null;
    }

    public boolean can(String permission) {
        return permissions.contains(Permission.valueOf(permission));
    }

    public boolean delegated() {
        return via == AccessVia.DELEGATION;
    }

    /** The current page in another language. */
    public String languageLink(String language) {
        return path + "?" + (query.isEmpty() ? "" : query + "&") + "lang=" + language;
    }

    /** Whether the navigation entry {@code prefix} is the current section. */
    public boolean in(String prefix) {
        return "/".equals(prefix) ? "/".equals(path) : path.equals(prefix) || path.startsWith(prefix + "/");
    }

    public String accent() {
        return collectivite == null ? fr.parvis.territory.BrandColors.NEUTRAL_BLUE : collectivite.accentColor();
    }
}
