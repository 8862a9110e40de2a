package fr.parvis.channels.api;

import fr.parvis.channels.AccountStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of {@code /api/v1/accounts}. */
final class AccountRequests {

    private AccountRequests() {
    }

    /** A Sandbox account to create. */
    @Schema(name = "SandboxAccountCreate", description = "Un compte du réseau simulé Sandbox")
    record SandboxCreate(@NotBlank @Size(max = 60) String handle, @Size(max = 200) String displayName,
            @Size(max = 120) String community) {
    }

    /** A Bluesky account to connect with an app password (never logged, never returned). */
    @Schema(name = "BlueskyAccountConnect", description = "Un compte Bluesky, connecté avec un mot de passe d'application")
    record BlueskyConnect(@NotBlank @Size(max = 254) String identifier, @NotBlank @Size(max = 200) String appPassword,
            @Size(max = 500) String server, @Size(max = 120) String community) {

        @Override
        public String toString() {
            return "BlueskyConnect[" + identifier + ", password hidden]";
        }
    }

    /** Changes to an account: a missing field keeps its value. */
    @Schema(name = "AccountPatch", description = "Modification partielle : communauté servie, ou état "
            + "(PAUSED pour mettre en pause, CONNECTED pour reprendre, DISABLED pour déconnecter)")
    record Patch(@Size(max = 120) String community, AccountStatus status) {
    }
}
