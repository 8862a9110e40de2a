package fr.parvis.territory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.CollectiviteView;
import fr.parvis.territory.MemberManagement;
import fr.parvis.territory.MunicipalServiceManagement;
import fr.parvis.territory.Role;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Bad input in the settings forms gets a clear French message next to the field, and nothing is
 * half-saved.
 */
@IntegrationTest
class SettingsFormsIntegrationTests {

    /** A 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTenants tenants;

    @Autowired
    CollectiviteManagement collectivites;

    @Autowired
    MemberManagement members;

    @Autowired
    MunicipalServiceManagement services;

    Tenant commune;

    @BeforeEach
    void setUp() {
        commune = tenants.commune();
    }

    @Test
    void invalidInseeCodeIsExplainedAndNothingChanges() throws Exception {
        for (String code : new String[] {"20123", "2C004", "1234"}) {
            String page = postAsAdmin(settings("Nouveau nom", code, "12000")).getResponse().getContentAsString();
            assertThat(page).contains("n&#39;est pas un code INSEE de commune", "Le formulaire contient des erreurs",
                    "href=\"#officialCode\"", "aria-invalid=\"true\"");
        }
        CollectiviteView unchanged = tenants.as(commune.admin(), collectivites::current);
        assertThat(unchanged.name()).isEqualTo(commune.name());
        assertThat(unchanged.officialCode()).isEqualTo(commune.officialCode());
    }

    @Test
    void validSettingsAreSavedIncludingCorsicanCode() throws Exception {
        MvcResult result = postAsAdmin(settings("Ajaccio test " + System.nanoTime(), corsican(), "71000"));
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/parametres/collectivite");
        assertThat(tenants.as(commune.admin(), collectivites::current).officialCode()).startsWith("2A");
    }

    @Test
    void oversizedAndMalformedFieldsAreRefused() throws Exception {
        String page = postAsAdmin(settings("x".repeat(151), commune.officialCode(), "12000")).getResponse()
                .getContentAsString();
        assertThat(page).contains("Ce champ doit compter au plus 150 caractères.");
        page = postAsAdmin(settings("Nom", commune.officialCode(), "douze mille")).getResponse().getContentAsString();
        assertThat(page).contains("Saisissez un nombre entier.");
        page = postAsAdmin(settings("Nom", commune.officialCode(), "12000").param("primaryColor", "vert"))
                .getResponse().getContentAsString();
        assertThat(page).contains("La couleur doit être au format #RRGGBB");
        assertThat(tenants.as(commune.admin(), collectivites::current).name()).isEqualTo(commune.name());
    }

    @Test
    void addingAMemberValidatesEmailPasswordAndDuplicates() throws Exception {
        int before = tenants.as(commune.admin(), members::list).size();
        String weak = postAsAdmin(member("weak-" + System.nanoTime() + "@test.example", "motdepasse")).getResponse()
                .getContentAsString();
        assertThat(weak).contains("Le mot de passe doit compter au moins 12 caractères.");
        String invalidEmail = postAsAdmin(member("pas-une-adresse", "Un-bon-mot-2026")).getResponse()
                .getContentAsString();
        assertThat(invalidEmail).contains("Saisissez une adresse électronique valide");
        String duplicate = postAsAdmin(member(commune.admin().email().toUpperCase(), "Un-bon-mot-2026")).getResponse()
                .getContentAsString();
        assertThat(duplicate).contains("est déjà membre de cette collectivité");
        String missingPassword = postAsAdmin(member("new-" + System.nanoTime() + "@test.example", "")).getResponse()
                .getContentAsString();
        assertThat(missingPassword).contains("saisissez un mot de passe provisoire");
        assertThat(tenants.as(commune.admin(), members::list)).hasSize(before);

        MvcResult ok = postAsAdmin(member("ok-" + System.nanoTime() + "@test.example", "Un-bon-mot-2026"));
        assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/parametres/utilisateurs");
        assertThat(tenants.as(commune.admin(), members::list)).hasSize(before + 1);
    }

    @Test
    void theLastAdministratorCannotBeDemoted() throws Exception {
        String id = tenants.as(commune.admin(), members::list).get(0).id().toString();
        MvcResult result = postAsAdmin(post("/parametres/utilisateurs/" + id + "/role").param("role", "READ_ONLY"));
        assertThat(result.getFlashMap().get("flashError")).isEqualTo("member.lastAdmin");
        assertThat(tenants.as(commune.admin(), members::list).get(0).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void servicesRefuseDuplicatesAndOversizedDescriptions() throws Exception {
        postAsAdmin(post("/parametres/services").param("name", "Voirie"));
        String duplicate = postAsAdmin(post("/parametres/services").param("name", " voirie ")).getResponse()
                .getContentAsString();
        assertThat(duplicate).contains("Un service nommé «\u00a0voirie\u00a0» existe déjà.");
        String tooLong = postAsAdmin(post("/parametres/services").param("name", "Culture")
                .param("description", "d".repeat(501))).getResponse().getContentAsString();
        assertThat(tooLong).contains("au plus 500 caractères");
        assertThat(tenants.as(commune.admin(), services::list)).hasSize(1);
    }

    @Test
    void logoUploadAcceptsImagesOnly() throws Exception {
        MvcResult text = postAsAdmin(multipart("/parametres/collectivite/logo")
                .file(new MockMultipartFile("logo", "logo.svg", "image/svg+xml", "<svg onload=alert(1)>".getBytes())));
        assertThat(text.getFlashMap().get("flashError")).isEqualTo("collectivite.logo.unsupported");
        MvcResult big = postAsAdmin(multipart("/parametres/collectivite/logo")
                .file(new MockMultipartFile("logo", "big.png", "image/png", new byte[600 * 1024])));
        assertThat(big.getFlashMap().get("flashError")).isIn("collectivite.logo.tooLarge", "collectivite.logo.unsupported");
        assertThat(tenants.as(commune.admin(), collectivites::current).hasLogo()).isFalse();

        MvcResult ok = postAsAdmin(multipart("/parametres/collectivite/logo")
                .file(new MockMultipartFile("logo", "logo.png", "image/png", PNG)));
        assertThat(ok.getFlashMap().get("flash")).isEqualTo("collectivite.logo.saved");
        CollectiviteView view = tenants.as(commune.admin(), collectivites::current);
        MvcResult image = mvc.perform(get("/collectivites/" + view.id() + "/logo")
                .with(authentication(tenants.authentication(commune.admin())))).andReturn();
        assertThat(image.getResponse().getContentType()).isEqualTo("image/png");
        assertThat(image.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(image.getResponse().getContentAsByteArray()).isEqualTo(PNG);
    }

    @Test
    void aReadOnlyMemberCannotChangeSettings() throws Exception {
        Agent reader = tenants.member(commune, Role.READ_ONLY);
        MvcResult result = mvc.perform(settings("Piratage", commune.officialCode(), "1")
                .with(authentication(tenants.authentication(reader))).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(tenants.as(commune.admin(), collectivites::current).name()).isEqualTo(commune.name());
        String page = mvc.perform(get("/parametres/collectivite").with(authentication(tenants.authentication(reader))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Seuls les administrateurs peuvent modifier ces informations.")
                .doesNotContain("name=\"officialCode\"");
    }

    private MvcResult postAsAdmin(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        request.with(authentication(tenants.authentication(commune.admin()))).with(csrf());
        return mvc.perform(request).andReturn();
    }

    private static MockHttpServletRequestBuilder settings(String name, String code, String population) {
        return post("/parametres/collectivite").param("name", name).param("officialCode", code)
                .param("population", population).param("timeZone", "Europe/Paris");
    }

    private static MockHttpServletRequestBuilder member(String email, String password) {
        return post("/parametres/utilisateurs").param("email", email).param("displayName", "Jeanne Martin")
                .param("role", "COMMUNITY_MANAGER").param("initialPassword", password);
    }

    private static String corsican() {
        return "2A" + String.format("%03d", 1 + (int) (Math.random() * 998));
    }
}
