package fr.parvis.territory.access;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.UserId;
import fr.parvis.territory.Permission;
import fr.parvis.territory.Role;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An agent acting in one collectivité with one role. Built by the authentication providers and
 * refreshed on every request from the current memberships, so a role change or a revoked
 * delegation takes effect at once.
 */
public final class ParvisAuthentication extends BuiltAuthentication {

    @Serial
    private static final long serialVersionUID = 1L;

    private final AgentPrincipal principal;
    private final CollectiviteId collectiviteId;
    private final String collectiviteName;
    private final Role role;
    private final AccessVia via;
    private final String viaCollectiviteName;
    private final AuthChannel channel;
    private final UUID tokenId;
    private final String tokenName;

    public ParvisAuthentication(AgentPrincipal principal, Access access, AuthChannel channel, UUID tokenId,
            String tokenName) {
        this.principal = principal;
        this.collectiviteId = access.collectiviteId();
        this.collectiviteName = access.collectiviteName();
        this.role = access.role();
        this.via = access.via();
        this.viaCollectiviteName = access.viaCollectiviteName();
        this.channel = channel;
        this.tokenId = tokenId;
        this.tokenName = tokenName;
    }

    public static ParvisAuthentication forSession(AgentPrincipal principal, Access access, AuthChannel channel) {
        return new ParvisAuthentication(principal, access, channel, null, null);
    }

    /** The same agent and channel with another access (after a switch or a refresh). */
    public ParvisAuthentication withAccess(Access access) {
        return new ParvisAuthentication(principal, access, channel, tokenId, tokenName);
    }

    public Access access() {
        return new Access(collectiviteId, collectiviteName, role, via, viaCollectiviteName);
    }

    @Override
    public Optional<CollectiviteId> collectiviteId() {
        return Optional.of(collectiviteId);
    }

    public CollectiviteId currentCollectivite() {
        return collectiviteId;
    }

    public String collectiviteName() {
        return collectiviteName;
    }

    public UserId userId() {
        return principal.userId();
    }

    public Role role() {
        return role;
    }

    public AccessVia via() {
        return via;
    }

    public String viaCollectiviteName() {
        return viaCollectiviteName;
    }

    public AuthChannel channel() {
        return channel;
    }

    public Optional<UUID> tokenId() {
        return Optional.ofNullable(tokenId);
    }

    public Optional<String> tokenName() {
        return Optional.ofNullable(tokenName);
    }

    public boolean has(Permission permission) {
        return role.permits(permission);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        role.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority("PERM_" + p.name())));
        return authorities;
    }



    @Override
    public AgentPrincipal getPrincipal() {
        return principal;
    }



    @Override
    public String getName() {
        return principal.email();
    }

    @Override
    public String toString() {
        return "ParvisAuthentication[" + principal.email() + " in " + collectiviteId + " as " + role + " via " + via
                + " (" + channel + ")]";
    }
}
