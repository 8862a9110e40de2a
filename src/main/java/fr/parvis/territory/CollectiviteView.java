package fr.parvis.territory;

import fr.parvis.shared.CollectiviteId;

/**
 * A collectivité as shown to its members.
 *
 * @param accentColor the colour the interface uses: the brand colour if readable, else neutral blue
 * @param logoVersion changes when the logo changes (for cache busting); {@code null} without logo
 */
public record CollectiviteView(CollectiviteId id, CollectiviteType type, String name, String slug,
        String officialCode, String siren, Integer population, CollectiviteId parentId, String parentName,
        String parentOfficialCode, String primaryColor, String accentColor, String timeZone, boolean demo,
        String logoVersion) {

    public boolean hasLogo() {
        return logoVersion != null;
    }
}
