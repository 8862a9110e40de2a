package fr.parvis.territory.api;

import fr.parvis.territory.MemberView;
import fr.parvis.territory.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A member of the current collectivité. */
@Schema(name = "Membership", description = "Un membre de la collectivité courante")
record MembershipResponse(
        UUID id,
        UUID userId,
        String email,
        String displayName,
        Role role,
        Instant since,
        Instant lastLoginAt,
        @Schema(description = "Fin du verrouillage après des échecs de connexion répétés ; absent si non verrouillé")
        Instant lockedUntil,
        boolean locked,
        boolean mustChangePassword,
        boolean singleSignOn) {

    static MembershipResponse of(MemberView view) {
        return new MembershipResponse(view.id(), view.userId().value(), view.email(), view.displayName(), view.role(),
                view.since(), view.lastLoginAt(), view.lockedUntil(), view.locked(), view.mustChangePassword(),
                view.singleSignOn());
    }
}
