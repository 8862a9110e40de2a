package fr.parvis.territory.api;

/**
 * Names of the OpenAPI tags of the territory API (declared with their descriptions in
 * {@code fr.parvis.system.web.OpenApiConfiguration}).
 */
final class ApiTags {

    static final String ME = "Appelant";
    static final String COLLECTIVITES = "Collectivités";
    static final String MEMBERSHIPS = "Membres";
    static final String SERVICES = "Services municipaux";
    static final String TOKENS = "Jetons d'API";
    static final String DELEGATIONS = "Délégations";

    private ApiTags() {
    }
}
