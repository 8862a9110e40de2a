package fr.parvis.system.setup;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.tenancy.CrossTenant;
import fr.parvis.system.ParvisProperties;
import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.CollectiviteView;
import fr.parvis.territory.MemberManagement;
import fr.parvis.territory.NewCollectivite;
import fr.parvis.territory.NewMember;
import fr.parvis.territory.PasswordPolicy;
import fr.parvis.territory.Role;
import fr.parvis.territory.access.ApiTokenSecrets;
import fr.parvis.territory.access.SystemActor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First-run set-up of an installation without demo data: while no collectivité exists, the page
 * {@code /installation} creates the first one and its administrator. It is protected by a one-time
 * code printed in the server log at start-up, so only the operator can use it.
 */
@Component
@CrossTenant("Creates the first collectivité of an empty installation")
public class FirstRunSetup {

    private static final Logger log = LoggerFactory.getLogger(FirstRunSetup.class);

    private final CollectiviteManagement collectivites;
    private final MemberManagement members;
    private final ParvisProperties properties;
    private final TransactionTemplate transaction;
    private final String code = ApiTokenSecrets.generate().substring(4, 24);

    FirstRunSetup(CollectiviteManagement collectivites, MemberManagement members, ParvisProperties properties,
            PlatformTransactionManager transactionManager) {
        this.collectivites = collectivites;
        this.members = members;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        if (open()) {
            log.warn("No collectivité yet. Create the first one at {}/installation with the set-up code {}",
                    properties.baseUrl(), code);
        }
    }

    /** Whether set-up is still possible (no collectivité exists). */
    public boolean open() {
        return !SystemActor.actAsRoot("first-run check", () -> transaction.execute(status -> collectivites.anyExists()));
    }

    /** The set-up code of this start (printed in the log). */
    String code() {
        return code;
    }

    public boolean codeMatches(String candidate) {
        return candidate != null && MessageDigest.isEqual(code.getBytes(StandardCharsets.UTF_8),
                candidate.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** Creates the first collectivité and its administrator in one transaction. */
    public CollectiviteView install(NewCollectivite collectivite, NewMember administrator, String passwordConfirmation) {
        if (administrator.initialPassword() == null || !administrator.initialPassword().equals(passwordConfirmation)) {
            throw new InvalidInputException("password.mismatch", "passwordConfirmation");
        }
        PasswordPolicy.check(administrator.initialPassword(), administrator.email(), administrator.displayName(),
                "password");
        CollectiviteId id = new CollectiviteId(UUID.randomUUID());
        return SystemActor.actFor(id, "first-run set-up", () -> transaction.execute(status -> {
            if (collectivites.anyExists()) {
                throw new InvalidInputException("setup.closed", null);
            }
            CollectiviteView created = collectivites.createStandalone(id, collectivite, false);
            members.addWithOwnPassword(new NewMember(administrator.email(), administrator.displayName(), Role.ADMIN,
                    administrator.initialPassword()));
            return created;
        }));
    }
}
