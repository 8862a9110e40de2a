package fr.parvis.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.parvis.shared.InvalidInputException;
import fr.parvis.territory.access.ApiTokenAuthenticator;
import fr.parvis.territory.access.ApiTokenAuthenticator.InvalidTokenException;
import fr.parvis.territory.access.ApiTokenSecrets;
import fr.parvis.territory.access.AuthChannel;
import fr.parvis.territory.access.SystemActor;
import fr.parvis.territory.access.ParvisAuthentication;
import fr.parvis.territory.domain.ApiTokens;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.MutableClock;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Personal access tokens: only a hash is stored, they carry at most the owner's role, expire,
 * can be revoked, stop working when the owner loses the role, and record their last use.
 */
@IntegrationTest
class ApiTokenIntegrationTests {

    @Autowired
    MutableClock clock;

    @Autowired
    TestTenants tenants;

    @Autowired
    ApiTokenManagement tokens;

    @Autowired
    ApiTokenAuthenticator authenticator;

    @Autowired
    MemberManagement members;

    @Autowired
    ApiTokens repository;

    Tenant commune;
    Agent director;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @BeforeEach
    void setUp() {
        commune = tenants.commune();
        director = tenants.member(commune, Role.COMMUNICATION_DIRECTOR);
    }

    @Test
    void aTokenActsInItsCollectiviteWithItsRoleAndRecordsItsUse() {
        CreatedApiToken created = tenants.as(director, () -> tokens.create(new NewApiToken("Export", Role.COMMUNITY_MANAGER, 30)));
        assertThat(created.secret()).startsWith("pvs_").hasSize(47);
        assertThat(SystemActor.actAsRoot("test", () -> repository.findByTokenHash(created.secret())))
                .as("the secret itself is not stored").isEmpty();
        assertThat(SystemActor.actAsRoot("test", () -> repository.findByTokenHash(ApiTokenSecrets.hash(created.secret()))))
                .as("its SHA-256 is").isPresent();

        ParvisAuthentication authentication = authenticator.authenticate(created.secret(), "192.0.2.7");
        assertThat(authentication.currentCollectivite()).isEqualTo(commune.id());
        assertThat(authentication.role()).isEqualTo(Role.COMMUNITY_MANAGER);
        assertThat(authentication.channel()).isEqualTo(AuthChannel.API_TOKEN);
        assertThat(authentication.tokenName()).hasValue("Export");

        ApiTokenView listed = tenants.as(director, tokens::mine).get(0);
        assertThat(listed.lastUsedAt()).isBetween(clock.instant().minusSeconds(60), clock.instant());
        assertThat(listed.lastUsedIp()).isEqualTo("192.0.2.7");
        assertThat(listed.prefix()).isEqualTo(created.secret().substring(0, 12));
    }

    @Test
    void aTokenCannotExceedItsOwnersRole() {
        assertThatThrownBy(() -> tenants.as(director, () -> tokens.create(new NewApiToken("Trop", Role.ADMIN, 30))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("token.role.tooHigh");
        assertThatThrownBy(() -> tenants.as(director, () -> tokens.create(new NewApiToken("Long", Role.READ_ONLY, 366))))
                .isInstanceOf(jakarta.validation.ConstraintViolationException.class);
    }

    @Test
    void expiredTokensAreRefusedWithTheirDate() {
        CreatedApiToken created = tenants.as(director, () -> tokens.create(new NewApiToken("Court", Role.READ_ONLY, 1)));
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertThatThrownBy(() -> authenticator.authenticate(created.secret(), null))
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> {
                    assertThat(e.reason()).isEqualTo("expired");
                    assertThat(e.at()).isEqualTo(created.token().expiresAt());
                });
        assertThat(tenants.as(director, tokens::mine).get(0).status()).isEqualTo(ApiTokenView.TokenStatus.EXPIRED);
    }

    @Test
    void revokedTokensAreRefused() {
        CreatedApiToken created = tenants.as(director, () -> tokens.create(new NewApiToken("Révocable", Role.READ_ONLY, 30)));
        tenants.as(commune.admin(), () -> tokens.revoke(created.token().id()));
        assertThatThrownBy(() -> authenticator.authenticate(created.secret(), null))
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo("revoked"));
        assertThat(tenants.as(director, tokens::mine).get(0).status()).isEqualTo(ApiTokenView.TokenStatus.REVOKED);
    }

    @Test
    void aTokenStopsWorkingWhenItsOwnerLosesTheRole() {
        CreatedApiToken created = tenants.as(director, () -> tokens.create(new NewApiToken("Ancien rôle",
                Role.COMMUNICATION_DIRECTOR, 30)));
        MemberView membership = tenants.as(commune.admin(), members::list).stream()
                .filter(m -> m.userId().equals(director.userId())).findFirst().orElseThrow();
        tenants.as(commune.admin(), () -> members.changeRole(membership.id(), Role.COMMUNITY_MANAGER));
        assertThatThrownBy(() -> authenticator.authenticate(created.secret(), null))
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo("role"));

        tenants.as(commune.admin(), () -> members.remove(membership.id()));
        assertThatThrownBy(() -> authenticator.authenticate(created.secret(), null))
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo("revoked"));
    }

    @Test
    void unknownOrMalformedSecretsAreRefused() {
        assertThatThrownBy(() -> authenticator.authenticate("pvs_" + "x".repeat(43), null))
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo("unknown"));
        assertThatThrownBy(() -> authenticator.authenticate("court", null)).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> authenticator.authenticate("a b".repeat(20), null)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void tokensAreCreatedFromABrowserSessionOnly() {
        CreatedApiToken created = tenants.as(director, () -> tokens.create(new NewApiToken("Script", Role.READ_ONLY, 30)));
        ParvisAuthentication viaToken = authenticator.authenticate(created.secret(), null);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(viaToken);
        SecurityContextHolder.setContext(context);
        try {
            assertThatThrownBy(() -> tokens.create(new NewApiToken("Chaîne", Role.READ_ONLY, 30)))
                    .isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
