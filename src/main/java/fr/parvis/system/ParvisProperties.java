package fr.parvis.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the platform (see docs/operations.md).
 *
 * @param dataDir directory of the embedded database and local files
 * @param baseUrl public address of this installation
 * @param demo demo mode
 * @param security security settings
 */
@ConfigurationProperties("parvis")
public record ParvisProperties(@DefaultValue("./data") String dataDir,
        @DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue Demo demo,
        @DefaultValue Security security) {

    /**
     * @param enabled create the fictional demo collectivités on first start
     * @param apiToken if set, becomes an ADMIN API token of Ville de Démo
     */
    public record Demo(@DefaultValue("true") boolean enabled, String apiToken) {
    }

    /**
     * @param oidc optional OpenID Connect login for agents
     * @param metricsToken bearer token required on /actuator/prometheus (disabled when blank)
     * @param cookieSecure mark the session cookie Secure (behind HTTPS)
     */
    public record Security(@DefaultValue Oidc oidc, String metricsToken, @DefaultValue("false") boolean cookieSecure) {
    }

    /**
     * @param issuerUri issuer of the agents' identity provider; OIDC login is off when blank
     * @param clientId client id registered at the provider
     * @param clientSecret client secret
     * @param label name of the provider on the login button
     */
    public record Oidc(String issuerUri, String clientId, String clientSecret, String label) {

        public boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }
}
