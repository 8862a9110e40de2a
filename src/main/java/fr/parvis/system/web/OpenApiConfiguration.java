package fr.parvis.system.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api/v1}, served at {@code /v3/api-docs} and browsable at
 * {@code /swagger-ui.html}: French title and description, personal access tokens as the global
 * {@code bearer} security scheme, one tag per resource (the controllers name theirs with the same
 * strings), and the Problem Details every operation may answer.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";

    static final String PROBLEM = "Problem";

    static final List<Tag> TAGS = List.of(
            tag("Appelant", "La personne authentifiée, sa collectivité courante et son rôle."),
            tag("Collectivités", "Les collectivités accessibles, les réglages de la collectivité courante et les "
                    + "collectivités qui lui sont rattachées."),
            tag("Membres", "Les membres de la collectivité courante et leurs rôles."),
            tag("Services municipaux", "Les services vers lesquels sont orientées les demandes des habitants."),
            tag("Journal d'audit", "Qui a fait quoi, quand, sur quel objet (lecture seule, administrateurs)."),
            tag("Jetons d'API", "Les jetons d'accès personnels qui authentifient les appels à cette API."),
            tag("Délégations", "Les délégations d'une commune à son EPCI."),
            tag("Comptes sociaux", "Les comptes de la collectivité sur les réseaux sociaux : connexion, état, "
                    + "communauté servie, publications et interactions lues."),
            tag("Sources RSS/Atom", "Les flux RSS et Atom suivis par la collectivité (actualités, presse locale, "
                    + "préfecture…) et les articles lus."),
            tag("Mode crise", "Le mode crise (publications suspendues) et les alertes pré-approuvées."));

    @Bean
    OpenAPI parvisOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("API Parvis")
                        .version("v1")
                        .description("""
                                API REST de Parvis pour les collectivités : collectivités, membres, services \
                                municipaux, journal d'audit et jetons d'accès.

                                **Authentification** : un jeton d'accès personnel (`pvs_…`), créé dans \
                                Paramètres › Jetons d'API, dans l'en-tête `Authorization: Bearer pvs_…`. Le jeton \
                                agit dans une seule collectivité, avec un rôle au plus égal à celui de son \
                                titulaire. La session du navigateur est aussi acceptée ; les requêtes qui modifient \
                                doivent alors porter l'en-tête `X-CSRF-TOKEN`.

                                **Périmètre** : chaque appel ne voit que la collectivité courante ; l'identifiant \
                                d'un objet d'une autre collectivité donne 404, comme un identifiant inconnu.

                                **Erreurs** : au format RFC 9457 (`application/problem+json`), avec un `code` \
                                stable, un `detail` en français (en anglais avec `Accept-Language: en`) et, pour \
                                les saisies invalides, la liste `errors` des champs en cause.

                                Les dates sont au format ISO 8601 (instants en UTC).""")
                        .license(new License().name("EUPL-1.2")
                                .url("https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12")))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("pvs_…")
                        .description("Jeton d'accès personnel (pvs_…), créé dans Paramètres › Jetons d'API.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .tags(TAGS);
    }

    /**
     * Documents the errors shared by every operation as {@code application/problem+json}: 401 and
     * 403 everywhere, 400 where there is input, 404 where the path names an object. Error responses
     * declared on a controller (409…) get the same body.
     */
    @Bean
    OpenApiCustomizer problemDetailsDocumentation() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                ApiResponses responses = operation.getResponses();
                if (hasInput(method, operation)) {
                    addProblem(responses, "400", "Saisie invalide : la liste errors nomme les champs en cause");
                }
                addProblem(responses, "401", "Jeton absent, inconnu, expiré ou révoqué");
                addProblem(responses, "403", "Rôle insuffisant, ou jeton CSRF absent avec la session du navigateur");
                if (path.contains("{")) {
                    addProblem(responses, "404", "Objet inexistant ou d'une autre collectivité");
                }
                responses.forEach((code, response) -> {
                    if (code.startsWith("4") && response.getContent() == null) {
                        response.setContent(problemContent());
                    }
                });
            }));
        };
    }

    private static boolean hasInput(PathItem.HttpMethod method, Operation operation) {
        return operation.getRequestBody() != null || method == PathItem.HttpMethod.POST
                || (operation.getParameters() != null && operation.getParameters().stream()
                        .anyMatch(parameter -> "query".equals(parameter.getIn())));
    }

    private static void addProblem(ApiResponses responses, String code, String description) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description).content(problemContent()));
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("Le champ ou paramètre en cause"))
                .addProperty("message", new StringSchema().description("Ce qui ne va pas, pour un humain"));
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri").example("https://parvis.fr/problemes/invalid-input"));
        properties.put("title", new StringSchema().example("Requête invalide"));
        properties.put("status", new IntegerSchema().example(400));
        properties.put("detail", new StringSchema()
                .description("Explication en français (en anglais avec Accept-Language: en)"));
        properties.put("instance", new StringSchema().format("uri-reference"));
        properties.put("code", new StringSchema().description("Code stable : invalid-input, not-found, conflict, "
                + "forbidden, csrf, unauthenticated, token-unknown, token-expired, token-revoked…"));
        properties.put("errors", new ArraySchema().items(fieldError)
                .description("Pour les saisies invalides : les champs en cause"));
        return new ObjectSchema().description("Problème au format RFC 9457 (application/problem+json)")
                .properties(properties);
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }
}
