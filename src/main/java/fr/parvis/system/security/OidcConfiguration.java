package fr.parvis.system.security;

import fr.parvis.system.ParvisProperties;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * Optional OpenID Connect login for agents (the collectivité's own identity provider). Active
 * when {@code parvis.security.oidc.issuer-uri} is set. The provider's metadata is fetched on first
 * use, not at start-up, so that Parvis starts even while the provider is unreachable.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${parvis.security.oidc.issuer-uri:}'.isBlank()")
class OidcConfiguration {

    static final String REGISTRATION_ID = "agents";

    @Bean
    ClientRegistrationRepository oidcClientRegistrations(ParvisProperties properties) {
        return new LazyRegistrations(properties.security().oidc());
    }

    /** Resolves the provider's discovery document on first use and keeps it once resolved. */
    static final class LazyRegistrations implements ClientRegistrationRepository {

        private static final Logger log = LoggerFactory.getLogger(LazyRegistrations.class);

        private final ParvisProperties.Oidc oidc;
        private final AtomicReference<ClientRegistration> registration = new AtomicReference<>();

        LazyRegistrations(ParvisProperties.Oidc oidc) {
            this.oidc = oidc;
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (!REGISTRATION_ID.equals(registrationId)) {
                return null;
            }
            ClientRegistration resolved = registration.get();
            if (resolved == null) {
                try {
                    resolved = ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                            .registrationId(REGISTRATION_ID)
                            .clientId(oidc.clientId())
                            .clientSecret(oidc.clientSecret())
                            .scope("openid", "profile", "email")
                            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                            .build();
                    registration.compareAndSet(null, resolved);
                } catch (RuntimeException e) {
                    log.error("OpenID Connect provider {} unreachable or invalid: {}", oidc.issuerUri(), e.getMessage());
                    return null;
                }
            }
            return resolved;
        }
    }
}
