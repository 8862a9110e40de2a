package fr.parvis.territory.access;

import fr.parvis.shared.UserId;
import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;

/** The person behind an authentication. */
public record AgentPrincipal(UserId userId, String email, String displayName) implements Principal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
        return email;
    }
}
