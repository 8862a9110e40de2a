package fr.parvis.territory.access;

import fr.parvis.shared.CollectiviteId;
import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The platform acting by itself (a job, the demo seeding, an event listener), for one collectivité
 * or — for a few cross-tenant reads — in the root scope. Created only by {@link SystemActor}.
 */
public final class SystemAuthentication extends BuiltAuthentication {

    @Serial
    private static final long serialVersionUID = 1L;

    private final CollectiviteId collectiviteId;
    private final boolean root;
    private final String reason;

    SystemAuthentication(CollectiviteId collectiviteId, boolean root, String reason) {
        this.collectiviteId = collectiviteId;
        this.root = root;
        this.reason = reason;
    }

    /** Why the platform acts (shown in the audit trail). */
    public String reason() {
        return reason;
    }

    @Override
    public Optional<CollectiviteId> collectiviteId() {
        return Optional.ofNullable(collectiviteId);
    }

    @Override
    public boolean rootScope() {
        return root;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_SYSTEM"));
    }



    @Override
    public Object getPrincipal() {
        return "system";
    }



    @Override
    public String getName() {
        return "system";
    }
}
