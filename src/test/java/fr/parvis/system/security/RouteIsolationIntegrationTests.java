package fr.parvis.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import fr.parvis.channels.AccountStatus;
import fr.parvis.channels.SocialAccountManagement;
import fr.parvis.channels.domain.SocialAccount;
import fr.parvis.channels.domain.SocialAccounts;
import fr.parvis.channels.feeds.FeedKind;
import fr.parvis.channels.feeds.FeedStatus;
import fr.parvis.channels.feeds.domain.FeedSource;
import fr.parvis.channels.feeds.domain.FeedSources;
import fr.parvis.channels.spi.Network;
import fr.parvis.compliance.AuditQuery;
import fr.parvis.publishing.media.MediaLibrary;
import fr.parvis.publishing.media.MediaUpload;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.compliance.ElectionDraft;
import fr.parvis.compliance.ElectionKind;
import fr.parvis.compliance.ElectionManagement;
import fr.parvis.compliance.ElectionView;
import fr.parvis.publishing.NotificationManagement;
import fr.parvis.publishing.PostCommand;
import fr.parvis.publishing.PostStatus;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.mail.domain.OutgoingMail;
import fr.parvis.publishing.mail.domain.OutgoingMails;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.territory.ApiTokenManagement;
import fr.parvis.territory.ApiTokenView;
import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.DelegationManagement;
import fr.parvis.territory.DelegationView;
import fr.parvis.territory.MemberManagement;
import fr.parvis.territory.MemberView;
import fr.parvis.territory.MunicipalServiceManagement;
import fr.parvis.territory.MunicipalServiceView;
import fr.parvis.territory.NewApiToken;
import fr.parvis.territory.NewDelegation;
import fr.parvis.territory.Role;
import fr.parvis.territory.ServiceDraft;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Tenant isolation, route by route. Every route of the application must appear here: either with
 * a request that names objects of another collectivité (which must answer 404 and leave them
 * unchanged), or in the list of routes that name no object (lists and forms of the current
 * collectivité, covered by the service-level isolation tests). Adding a route without adding it
 * here fails the build.
 */
@IntegrationTest
class RouteIsolationIntegrationTests {

    /** Routes that take no id of a tenant-scoped object: they only ever show the current collectivité. */
    static final Set<String> WITHOUT_OBJECT_ID = Set.of(
            "GET /", "GET /connexion", "GET /accessibilite", "GET /theme.css", "GET /installation",
            "POST /installation", "GET /{area:strategie|publications|echanges|veille|statistiques|participation}",
            "GET /parametres", "GET /parametres/collectivite", "POST /parametres/collectivite",
            "POST /parametres/collectivite/logo", "POST /parametres/collectivite/logo/suppression",
            "POST /parametres/collectivite/rattachees", "GET /parametres/utilisateurs", "POST /parametres/utilisateurs",
            "GET /parametres/services", "POST /parametres/services", "GET /parametres/delegations",
            "POST /parametres/delegations", "GET /parametres/jetons", "POST /parametres/jetons",
            "GET /parametres/journal", "GET /compte", "POST /compte", "POST /compte/mot-de-passe",
            "GET /api/v1/me", "GET /api/v1/collectivites", "POST /api/v1/collectivites", "GET /api/v1/memberships",
            "POST /api/v1/memberships", "GET /api/v1/services", "POST /api/v1/services", "GET /api/v1/audit",
            "GET /api/v1/tokens", "POST /api/v1/tokens", "GET /api/v1/delegations", "POST /api/v1/delegations",
            "GET /api/v1/delegations/received", "GET /parametres/comptes", "POST /parametres/comptes/sandbox",
            "POST /parametres/comptes/bluesky", "POST /parametres/comptes/mastodon",
            "GET /parametres/comptes/mastodon/retour", "GET /api/v1/accounts", "POST /api/v1/accounts/sandbox",
            "POST /api/v1/accounts/bluesky",
            "GET /parametres/sources", "POST /parametres/sources", "GET /api/v1/feeds", "POST /api/v1/feeds",
            "GET /parametres/elections", "POST /parametres/elections", "GET /api/v1/elections",
            "POST /api/v1/elections", "GET /api/v1/elections/situation",
            "GET /api/v1/posts", "POST /api/v1/posts",
            "GET /publier/crise", "POST /publier/crise/activation", "POST /publier/crise/fin",
            "GET /publier/crise/sortie", "POST /publier/crise/sortie/reprise", "GET /publier/crise/alertes",
            "POST /publier/crise/alertes", "GET /publier/crise/modeles/{code}", "POST /publier/crise/modeles/{code}",
            "GET /publier/sources-vers-brouillons", "GET /api/v1/crisis", "POST /api/v1/crisis/start",
            "POST /api/v1/crisis/end", "POST /api/v1/crisis/alerts",
            "GET /publier/nouveau", "GET /publier/publications", "GET /publier/a-valider", "GET /notifications",
            "POST /notifications/lues", "GET /parametres/publication", "POST /parametres/publication",
            "GET /publier/calendrier", "GET /publier/calendrier/export.csv", "POST /publier/calendrier/import",
            "POST /publier/calendrier/flux", "POST /publier/calendrier/flux/revocation",
            "POST /parametres/publication/reserve", "GET /api/v1/calendar/entries", "GET /api/v1/calendar/feed",
            "POST /api/v1/calendar/feed", "DELETE /api/v1/calendar/feed", "GET /api/v1/calendar/export.csv",
            "POST /api/v1/calendar/import", "GET /api/v1/publishing/settings", "PUT /api/v1/publishing/settings",
            "PUT /api/v1/publishing/settings/reserve-names", "GET /api/v1/publishing/settings/failed-mails",
            // the secret address is the credential (no session): its collectivité comes from the token only,
            // tested in CalendarIntegrationTests (other collectivité's posts absent, revoked → 404)
            "GET /ical/{token}.ics",
            "GET /publier/medias", "POST /publier/medias", "GET /api/v1/media", "POST /api/v1/media",
            // framework routes
            "* /error", "GET /v3/api-docs", "GET /v3/api-docs.yaml", "GET /v3/api-docs/swagger-config",
            "GET /swagger-ui.html");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    TestTenants tenants;

    @Autowired
    MunicipalServiceManagement services;

    @Autowired
    MemberManagement members;

    @Autowired
    DelegationManagement delegations;

    @Autowired
    ApiTokenManagement tokens;

    @Autowired
    CollectiviteManagement collectivites;

    @Autowired
    AuditTrail audit;

    @Autowired
    SocialAccounts socialAccounts;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    FeedSources feedSources;

    @Autowired
    ElectionManagement elections;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    SocialAccountManagement accountManagement;

    @Autowired
    NotificationManagement notifications;

    @Autowired
    MediaLibrary mediaLibrary;

    Tenant a;
    Tenant b;
    Foreign foreign;
    UUID bPost;
    UUID bMail;

    @Autowired
    OutgoingMails outgoingMails;

    @BeforeEach
    void twoTenants() throws Exception {
        a = tenants.commune();
        Tenant epci = tenants.epci();
        b = tenants.communeOf(epci);
        Agent bManager = tenants.member(b, Role.COMMUNITY_MANAGER);
        MunicipalServiceView service = tenants.as(b.admin(), () -> services.create(new ServiceDraft("Voirie B", null, null)));
        MemberView member = tenants.as(b.admin(), members::list).stream()
                .filter(m -> m.userId().equals(bManager.userId())).findFirst().orElseThrow();
        DelegationView delegation = tenants.as(b.admin(), () -> delegations.grant(new NewDelegation(Role.READ_ONLY)));
        ApiTokenView token = tenants.as(bManager, () -> tokens.create(new NewApiToken("Jeton B", Role.READ_ONLY, 30))).token();
        tenants.as(b.admin(), () -> collectivites.changeLogo(b.id(), Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")));
        UUID auditEntry = tenants.as(b.admin(), () -> audit.search(AuditQuery.firstPage()).entries().get(0).id());
        UUID account = tenants.as(b.admin(), () -> new TransactionTemplate(transactionManager).execute(status ->
                socialAccounts.save(new SocialAccount(Network.SANDBOX, "b-" + UUID.randomUUID(), "compte-b", null)).id()));
        UUID feed = tenants.as(b.admin(), () -> new TransactionTemplate(transactionManager).execute(status ->
                feedSources.save(new FeedSource("https://93.184.215.14/rss-b", FeedKind.OTHER, "Source B", null,
                        java.time.Instant.parse("2100-01-01T00:00:00Z")))
                        .id()));
        java.time.LocalDate firstRound = tenants.clock().instant().atZone(java.time.ZoneId.of("Europe/Paris"))
                .toLocalDate().plusDays(30);
        UUID election = tenants.as(b.admin(), () -> elections.create(new ElectionDraft(ElectionKind.PARTIELLE,
                "Partielle B", java.util.List.of(firstRound), false)).id());
        UUID bSandbox = tenants.as(b.admin(), () -> accountManagement.connectOneClick(Network.SANDBOX,
                "b" + UUID.randomUUID().toString().substring(0, 8), null, null)).id();
        Agent bElu = tenants.member(b, Role.ELECTED_OFFICIAL);
        PostView bDraft = tenants.as(bManager, () -> publishing.create(new PostCommand(null,
                "Écrit par B", null, null, false, null, List.of(new PostCommand.VariantCommand(bSandbox, null, null,
                        List.of())))));
        // a new account during a reserve period is warned: the warnings are acknowledged
        Set<String> bWarnings = tenants.as(bManager, () -> publishing.check(bDraft.id())).warnings().stream()
                .map(fr.parvis.publishing.CheckFinding::code).collect(java.util.stream.Collectors.toSet());
        PostView bPost = tenants.as(bManager, () -> publishing.submit(bDraft.id(), bWarnings));
        UUID notification = tenants.as(bElu, () -> notifications.list(0).get(0).id());
        foreign = new Foreign(service, member, delegation, token, auditEntry, account, feed, election, bPost.id(),
                bPost.variants().get(0).id(), notification, null);
        this.bPost = bPost.id();
        this.bMail = tenants.as(b.admin(), () -> new TransactionTemplate(transactionManager).execute(status -> {
            OutgoingMail mail = new OutgoingMail(bPost.id(), "elu-b@ville-b.example", "Courriel de B", "Texte",
                    "<p>Texte</p>", tenants.clock().instant());
            mail.claim("test", tenants.clock().instant());
            mail.attemptFailed("refusé", null);
            return outgoingMails.save(mail).id();
        }));
        UUID media = tenants.as(b.admin(), () -> mediaLibrary.upload(MediaUpload.image("b.png", Base64.getDecoder()
                .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
                "Image de B")).id().value());
        foreign = foreign.withMedia(media);
    }

    /** The requests that name objects of collectivité B, sent by the administrator of A. */
    Map<String, Function<Foreign, AbstractMockHttpServletRequestBuilder<?>>> cases() {
        Map<String, Function<Foreign, AbstractMockHttpServletRequestBuilder<?>>> cases = new LinkedHashMap<>();
        cases.put("GET /parametres/services/{id}", f -> get("/parametres/services/" + f.service().id()));
        cases.put("POST /parametres/services/{id}", f -> post("/parametres/services/" + f.service().id())
                .param("name", "Renommé par A"));
        cases.put("POST /parametres/services/{id}/activation", f -> post("/parametres/services/" + f.service().id()
                + "/activation").param("active", "false"));
        cases.put("POST /parametres/utilisateurs/{id}/role", f -> post("/parametres/utilisateurs/" + f.member().id()
                + "/role").param("role", "ADMIN"));
        cases.put("POST /parametres/utilisateurs/{id}/retrait", f -> post("/parametres/utilisateurs/" + f.member().id()
                + "/retrait"));
        cases.put("POST /parametres/utilisateurs/{id}/deverrouillage", f -> post("/parametres/utilisateurs/"
                + f.member().id() + "/deverrouillage"));
        cases.put("POST /parametres/delegations/{id}/revocation", f -> post("/parametres/delegations/"
                + f.delegation().id() + "/revocation"));
        cases.put("POST /parametres/jetons/{id}/revocation", f -> post("/parametres/jetons/" + f.token().id()
                + "/revocation"));
        cases.put("GET /collectivites/{id}/logo", f -> get("/collectivites/" + b.id() + "/logo"));
        cases.put("POST /collectivite-courante", f -> post("/collectivite-courante").param("collectivite",
                b.id().toString()));
        cases.put("GET /api/v1/collectivites/{id}", f -> get("/api/v1/collectivites/" + b.id()));
        cases.put("PATCH /api/v1/collectivites/{id}", f -> json(patch("/api/v1/collectivites/" + b.id()),
                "{\"name\": \"Renommée par A\"}"));
        cases.put("GET /api/v1/collectivites/{id}/attached", f -> get("/api/v1/collectivites/" + b.id() + "/attached"));
        cases.put("GET /api/v1/memberships/{id}", f -> get("/api/v1/memberships/" + f.member().id()));
        cases.put("PATCH /api/v1/memberships/{id}", f -> json(patch("/api/v1/memberships/" + f.member().id()),
                "{\"role\": \"ADMIN\"}"));
        cases.put("DELETE /api/v1/memberships/{id}", f -> delete("/api/v1/memberships/" + f.member().id()));
        cases.put("POST /api/v1/memberships/{id}/unlock", f -> post("/api/v1/memberships/" + f.member().id() + "/unlock"));
        cases.put("GET /api/v1/services/{id}", f -> get("/api/v1/services/" + f.service().id()));
        cases.put("PATCH /api/v1/services/{id}", f -> json(patch("/api/v1/services/" + f.service().id()),
                "{\"name\": \"Renommé par A\", \"active\": false}"));
        cases.put("GET /api/v1/audit/{id}", f -> get("/api/v1/audit/" + f.auditEntry()));
        cases.put("GET /api/v1/tokens/{id}", f -> get("/api/v1/tokens/" + f.token().id()));
        cases.put("DELETE /api/v1/tokens/{id}", f -> delete("/api/v1/tokens/" + f.token().id()));
        cases.put("GET /api/v1/delegations/{id}", f -> get("/api/v1/delegations/" + f.delegation().id()));
        cases.put("DELETE /api/v1/delegations/{id}", f -> delete("/api/v1/delegations/" + f.delegation().id()));
        cases.put("GET /parametres/comptes/{id}", f -> get("/parametres/comptes/" + f.account()));
        for (String action : List.of("communaute", "pause", "reprise", "deconnexion", "synchronisation")) {
            cases.put("POST /parametres/comptes/{id}/" + action, f -> post("/parametres/comptes/" + f.account() + "/"
                    + action).param("community", "Prise par A"));
        }
        cases.put("GET /parametres/comptes/{id}/sandbox/{post}/videos/{position}", f -> get("/parametres/comptes/"
                + f.account() + "/sandbox/p1/videos/1"));
        cases.put("GET /parametres/comptes/{id}/sandbox/{post}/videos/{position}/sous-titres", f -> get(
                "/parametres/comptes/" + f.account() + "/sandbox/p1/videos/1/sous-titres"));
        cases.put("GET /api/v1/accounts/{id}", f -> get("/api/v1/accounts/" + f.account()));
        cases.put("PATCH /api/v1/accounts/{id}", f -> json(patch("/api/v1/accounts/" + f.account()),
                "{\"status\": \"DISABLED\"}"));
        cases.put("POST /api/v1/accounts/{id}/sync", f -> post("/api/v1/accounts/" + f.account() + "/sync"));
        cases.put("GET /api/v1/accounts/{id}/posts", f -> get("/api/v1/accounts/" + f.account() + "/posts"));
        cases.put("GET /api/v1/accounts/{id}/interactions", f -> get("/api/v1/accounts/" + f.account()
                + "/interactions"));
        cases.put("GET /parametres/elections/{id}", f -> get("/parametres/elections/" + f.election()));
        cases.put("POST /parametres/elections/{id}", f -> post("/parametres/elections/" + f.election())
                .param("kind", "AUTRE").param("name", "Prise par A").param("round1", "2030-01-06"));
        for (String action : List.of("masquage", "affichage")) {
            cases.put("POST /parametres/elections/{id}/" + action, f -> post("/parametres/elections/" + f.election()
                    + "/" + action));
        }
        cases.put("PUT /api/v1/elections/{id}", f -> json(put("/api/v1/elections/" + f.election()),
                "{\"name\": \"Prise par A\", \"hidden\": true}"));
        cases.put("GET /parametres/sources/{id}", f -> get("/parametres/sources/" + f.feed()));
        for (String action : List.of("description", "lecture", "pause", "reprise", "suppression")) {
            cases.put("POST /parametres/sources/{id}/" + action, f -> post("/parametres/sources/" + f.feed() + "/"
                    + action).param("label", "Prise par A").param("kind", "PREFECTURE"));
        }
        cases.put("POST /publier/calendrier/deplacer", f -> post("/publier/calendrier/deplacer")
                .param("postId", f.post().toString()).param("date", "2099-01-01").param("heure", "10:00"));
        cases.put("GET /api/v1/feeds/{id}", f -> get("/api/v1/feeds/" + f.feed()));
        cases.put("PATCH /api/v1/feeds/{id}", f -> json(patch("/api/v1/feeds/" + f.feed()),
                "{\"status\": \"PAUSED\", \"label\": \"Prise par A\"}"));
        cases.put("DELETE /api/v1/feeds/{id}", f -> delete("/api/v1/feeds/" + f.feed()));
        cases.put("POST /api/v1/feeds/{id}/fetch", f -> post("/api/v1/feeds/" + f.feed() + "/fetch"));
        cases.put("GET /api/v1/feeds/{id}/items", f -> get("/api/v1/feeds/" + f.feed() + "/items"));
        cases.put("POST /publier/crise/publications/{id}/programmation", f -> post("/publier/crise/publications/"
                + bPost + "/programmation").param("at", "2100-01-01T10:00"));
        cases.put("POST /publier/crise/publications/{id}/annulation", f -> post("/publier/crise/publications/"
                + bPost + "/annulation"));
        cases.put("POST /publier/sources-vers-brouillons/{id}", f -> post("/publier/sources-vers-brouillons/"
                + f.feed()).param("template", "Prise par A"));
        cases.put("GET /publier/medias/{id}", f -> get("/publier/medias/" + f.media()));
        // the composer's picker resolving the ids it holds, and its suggestions for an account's variant
        cases.put("GET /publier/medias/choix", f -> get("/publier/medias/choix").param("ids", f.media().toString()));
        cases.put("GET /publier/suggestions", f -> get("/publier/suggestions").param("q", "#fete")
                .param("compte", f.account().toString()));
        cases.put("GET /publier/medias/{id}/apercu", f -> get("/publier/medias/" + f.media() + "/apercu"));
        cases.put("GET /publier/medias/{id}/fichier", f -> get("/publier/medias/" + f.media() + "/fichier"));
        for (String action : List.of("texte-alternatif", "archivage", "restauration")) {
            cases.put("POST /publier/medias/{id}/" + action, f -> post("/publier/medias/" + f.media() + "/" + action)
                    .param("altText", "Pris par A"));
        }
        cases.put("GET /api/v1/media/{id}", f -> get("/api/v1/media/" + f.media()));
        cases.put("PATCH /api/v1/media/{id}", f -> json(patch("/api/v1/media/" + f.media()),
                "{\"altText\": \"Pris par A\", \"archived\": true}"));
        cases.put("GET /api/v1/media/{id}/content", f -> get("/api/v1/media/" + f.media() + "/content"));
        cases.put("POST /api/v1/sandbox/accounts/{accountId}/interactions", f -> json(post("/api/v1/sandbox/accounts/"
                + f.account() + "/interactions"), "{\"type\": \"DIRECT_MESSAGE\", \"authorHandle\": \"par.a\", "
                + "\"text\": \"Écrit par A\"}"));
        cases.put("GET /api/v1/posts/{id}", f -> get("/api/v1/posts/" + f.post()));
        cases.put("PUT /api/v1/posts/{id}", f -> json(put("/api/v1/posts/" + f.post()),
                "{\"body\": \"Pris par A\", \"variants\": [{\"accountId\": \"" + f.account() + "\"}]}"));
        cases.put("DELETE /api/v1/posts/{id}", f -> delete("/api/v1/posts/" + f.post()));
        cases.put("GET /api/v1/posts/{id}/checks", f -> get("/api/v1/posts/" + f.post() + "/checks"));
        cases.put("GET /api/v1/posts/{id}/history", f -> get("/api/v1/posts/" + f.post() + "/history"));
        cases.put("POST /api/v1/posts/{id}/submit", f -> json(post("/api/v1/posts/" + f.post() + "/submit"), "{}"));
        cases.put("POST /api/v1/posts/{id}/approve", f -> json(post("/api/v1/posts/" + f.post() + "/approve"), "{}"));
        cases.put("POST /api/v1/posts/{id}/request-changes", f -> json(post("/api/v1/posts/" + f.post()
                + "/request-changes"), "{\"comment\": \"Par A\"}"));
        cases.put("POST /api/v1/posts/{id}/schedule", f -> json(post("/api/v1/posts/" + f.post() + "/schedule"),
                "{\"at\": \"" + java.time.Instant.now().plusSeconds(86400) + "\"}"));
        cases.put("POST /api/v1/posts/{id}/publish-now", f -> post("/api/v1/posts/" + f.post() + "/publish-now"));
        cases.put("POST /api/v1/posts/{id}/cancel", f -> post("/api/v1/posts/" + f.post() + "/cancel"));
        cases.put("POST /api/v1/posts/{id}/variants/{variantId}/resolve", f -> json(post("/api/v1/posts/" + f.post()
                + "/variants/" + f.variant() + "/resolve"), "{\"published\": true}"));
        cases.put("POST /api/v1/posts/{id}/variants/{variantId}/thread/{number}/resolve", f -> json(post(
                "/api/v1/posts/" + f.post() + "/variants/" + f.variant() + "/thread/1/resolve"),
                "{\"published\": true}"));
        String future = java.time.LocalDate.now().plusDays(3).toString();
        cases.put("POST /publier/nouveau", f -> post("/publier/nouveau").param("body", "Par A")
                .param("accounts", f.account().toString()).param("action", "draft"));
        cases.put("POST /publier/apercu", f -> post("/publier/apercu").param("body", "Par A")
                .param("accounts", f.account().toString()));
        cases.put("GET /publier/publications/{id}", f -> get("/publier/publications/" + f.post()));
        cases.put("GET /publier/publications/{id}/modifier", f -> get("/publier/publications/" + f.post() + "/modifier"));
        cases.put("POST /publier/publications/{id}/modifier", f -> post("/publier/publications/" + f.post()
                + "/modifier").param("body", "Par A").param("action", "draft"));
        cases.put("POST /publier/publications/{id}/soumission", f -> post("/publier/publications/" + f.post()
                + "/soumission"));
        cases.put("POST /publier/publications/{id}/validation", f -> post("/publier/publications/" + f.post()
                + "/validation"));
        cases.put("POST /publier/publications/{id}/modifications", f -> post("/publier/publications/" + f.post()
                + "/modifications").param("comment", "Par A"));
        cases.put("POST /publier/publications/{id}/programmation", f -> post("/publier/publications/" + f.post()
                + "/programmation").param("date", future).param("time", "10:00"));
        cases.put("POST /publier/publications/{id}/publication-immediate", f -> post("/publier/publications/"
                + f.post() + "/publication-immediate"));
        cases.put("POST /publier/publications/{id}/annulation", f -> post("/publier/publications/" + f.post()
                + "/annulation"));
        cases.put("POST /publier/publications/{id}/commentaires", f -> post("/publier/publications/" + f.post()
                + "/commentaires").param("text", "Par A"));
        cases.put("POST /publier/publications/{id}/variantes/{variantId}/resultat", f -> post("/publier/publications/"
                + f.post() + "/variantes/" + f.variant() + "/resultat").param("published", "true"));
        cases.put("POST /publier/publications/{id}/variantes/{variantId}/fil/{number}/resultat", f -> post(
                "/publier/publications/" + f.post() + "/variantes/" + f.variant() + "/fil/1/resultat")
                .param("published", "true"));
        cases.put("POST /notifications/{id}/lue", f -> post("/notifications/" + f.notification() + "/lue"));
        cases.put("POST /parametres/publication/comptes/{accountId}", f -> post("/parametres/publication/comptes/"
                + f.account()).param("approvalLevels", "0"));
        cases.put("POST /parametres/publication/courriels/{mailId}/relancer", f -> post("/parametres/publication/courriels/"
                + bMail + "/relancer"));
        cases.put("POST /api/v1/publishing/settings/failed-mails/{mailId}/retry", f -> post(
                "/api/v1/publishing/settings/failed-mails/" + bMail + "/retry"));
        cases.put("PUT /api/v1/publishing/settings/accounts/{accountId}", f -> json(put(
                "/api/v1/publishing/settings/accounts/" + f.account()), "{\"approvalLevels\": 0}"));
        cases.put("POST /api/v1/calendar/entries/{postId}/move", f -> json(post("/api/v1/calendar/entries/" + f.post()
                + "/move"), "{\"date\": \"2099-01-01\", \"time\": \"10:00\"}"));
        return cases;
    }

    @Test
    void everyRouteIsCoveredByThisTest() {
        Set<String> uncovered = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        Set<String> covered = cases().keySet();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String route : routes(info)) {
                all.add(route);
                if (!covered.contains(route) && !WITHOUT_OBJECT_ID.contains(route)) {
                    uncovered.add(route);
                }
            }
        }
        assertThat(all).as("the application's routes are read").contains("GET /", "GET /parametres/services/{id}");
        assertThat(covered).as("cases name real routes").allMatch(all::contains);
        assertThat(uncovered).as("routes missing from the tenant-isolation test").isEmpty();
    }

    @Test
    void objectsOfAnotherCollectiviteAreNotFoundAndUnchanged() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Function<Foreign, AbstractMockHttpServletRequestBuilder<?>>> entry : cases().entrySet()) {
            AbstractMockHttpServletRequestBuilder<?> request = entry.getValue().apply(foreign);
            request.with(authentication(tenants.authentication(a.admin()))).with(csrf());
            int status = mvc.perform(request).andReturn().getResponse().getStatus();
            if (status != 404) {
                failures.add(entry.getKey() + " answered " + status);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(tenants.as(b.admin(), () -> services.get(foreign.service().id()))).satisfies(s -> {
            assertThat(s.name()).isEqualTo("Voirie B");
            assertThat(s.active()).isTrue();
        });
        assertThat(tenants.as(b.admin(), members::list)).filteredOn(m -> m.id().equals(foreign.member().id()))
                .singleElement().extracting(MemberView::role).isEqualTo(Role.COMMUNITY_MANAGER);
        assertThat(tenants.as(b.admin(), delegations::given)).singleElement().extracting(DelegationView::active)
                .isEqualTo(true);
        assertThat(tenants.as(b.admin(), tokens::all)).singleElement().extracting(ApiTokenView::status)
                .isEqualTo(ApiTokenView.TokenStatus.ACTIVE);
        AccountStatus accountStatus = tenants.as(b.admin(), () -> new TransactionTemplate(transactionManager)
                .execute(status -> socialAccounts.findById(foreign.account()).orElseThrow().status()));
        assertThat(accountStatus).isEqualTo(AccountStatus.CONNECTED);
        FeedSource feed = tenants.as(b.admin(), () -> new TransactionTemplate(transactionManager)
                .execute(status -> feedSources.findById(foreign.feed()).orElseThrow()));
        assertThat(feed.status()).isEqualTo(FeedStatus.ACTIVE);
        assertThat(feed.label()).isEqualTo("Source B");
        ElectionView election = tenants.as(b.admin(), () -> elections.get(foreign.election()));
        assertThat(election.name()).isEqualTo("Partielle B");
        assertThat(election.hidden()).isFalse();
        assertThat(tenants.as(b.admin(), () -> publishing.get(foreign.post()))).satisfies(p -> {
            assertThat(p.status()).isEqualTo(PostStatus.SUBMITTED);
            assertThat(p.body()).isEqualTo("Écrit par B");
        });
        assertThat(tenants.as(b.admin(), () -> publishing.history(foreign.post()).entries()))
                .allMatch(e -> e.kind().equals("ACKNOWLEDGED") || e.kind().equals("SUBMITTED"));
        assertThat(tenants.as(b.admin(), () -> publishing.get(foreign.post())).scheduledAt()).isNull();
        OutgoingMail.Status mailStatus = tenants.as(b.admin(), () -> new TransactionTemplate(transactionManager)
                .execute(status -> outgoingMails.findById(bMail).orElseThrow().status()));
        assertThat(mailStatus).isEqualTo(OutgoingMail.Status.FAILED);
        assertThat(tenants.as(b.admin(), () -> mediaLibrary.get(new fr.parvis.publishing.media.MediaId(
                foreign.media())))).satisfies(m -> {
            assertThat(m.altText()).isEqualTo("Image de B");
            assertThat(m.archived()).isFalse();
        });
        assertThat(tenants.as(b.admin(), collectivites::current)).satisfies(c -> {
            assertThat(c.hasLogo()).isTrue();
            assertThat(c.name()).isEqualTo(b.name());
        });
    }

    @Test
    void theOwnObjectsAnswerNormally() throws Exception {
        // The same requests by B's administrator succeed: the 404s above are isolation, not broken routes.
        int status = mvc.perform(get("/parametres/services/" + foreign.service().id())
                .with(authentication(tenants.authentication(b.admin())))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(200);
        status = mvc.perform(get("/collectivites/" + b.id() + "/logo")
                .with(authentication(tenants.authentication(b.admin())))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(200);
        assertThat(mvc.perform(multipart("/parametres/collectivite/logo")
                .file(new MockMultipartFile("logo", "x.txt", "text/plain", "x".getBytes()))
                .with(authentication(tenants.authentication(a.admin()))).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(302);
    }

    static List<String> routes(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        List<String> routes = new ArrayList<>();
        for (String pattern : info.getPatternValues()) {
            if (methods.isEmpty()) {
                routes.add("* " + pattern);
            }
            for (RequestMethod method : methods) {
                routes.add(method + " " + pattern);
            }
        }
        return routes;
    }

    private static AbstractMockHttpServletRequestBuilder<?> json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    record Foreign(MunicipalServiceView service, MemberView member, DelegationView delegation, ApiTokenView token,
            UUID auditEntry, UUID account, UUID feed, UUID election, UUID post, UUID variant, UUID notification,
            UUID media) {

        Foreign withMedia(UUID media) {
            return new Foreign(service, member, delegation, token, auditEntry, account, feed, election, post, variant,
                    notification, media);
        }
    }
}
