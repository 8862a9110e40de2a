package fr.parvis.publishing.media.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.parvis.territory.ApiTokenManagement;
import fr.parvis.territory.NewApiToken;
import fr.parvis.territory.Role;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The media library pages and API, through MockMvc. */
@IntegrationTest
class MediaWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTenants tenants;

    @Autowired
    ApiTokenManagement tokens;

    @Autowired
    JsonMapper json;

    Tenant tenant;
    Agent manager;

    @BeforeEach
    void tenant() {
        tenant = tenants.commune();
        manager = tenants.member(tenant, Role.COMMUNITY_MANAGER);
    }

    @Test
    void uploadThroughThePageThenSeeThePreviewAndEditTheAltText() throws Exception {
        byte[] png = png(1200, 600);
        MockHttpServletResponse uploaded = mvc.perform(multipart("/publier/medias")
                .file(new MockMultipartFile("file", "affiche.jpg", "image/jpeg", png))
                .param("altText", "Affiche du marché de Noël").with(session(manager))).andReturn().getResponse();
        assertThat(uploaded.getStatus()).isEqualTo(302);
        String page = uploaded.getRedirectedUrl();
        assertThat(page).startsWith("/publier/medias/");

        String detail = mvc.perform(get(page).with(session(manager))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(detail).contains("affiche.jpg", "image/png", "Affiche du marché de Noël", "1200 × 600 pixels");

        MockHttpServletResponse preview = mvc.perform(get(page + "/apercu").with(session(manager))).andReturn()
                .getResponse();
        assertThat(preview.getStatus()).isEqualTo(200);
        assertThat(preview.getContentType()).isEqualTo("image/jpeg");
        assertThat(preview.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(preview.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline");
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(preview.getContentAsByteArray()));
        assertThat(thumbnail.getWidth()).isEqualTo(400);
        assertThat(thumbnail.getHeight()).isEqualTo(200);

        MockHttpServletResponse original = mvc.perform(get(page + "/fichier").with(session(manager))).andReturn()
                .getResponse();
        assertThat(original.getContentAsByteArray()).isEqualTo(png);
        assertThat(original.getContentType()).isEqualTo("image/png");
        assertThat(original.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment");

        assertThat(mvc.perform(post(page + "/texte-alternatif").param("altText", "").with(session(manager)))
                .andReturn().getFlashMap().get("flash")).isEqualTo("media.described.altMissing");
        String list = mvc.perform(get("/publier/medias").with(session(manager))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("Texte alternatif manquant", "affiche.jpg", page + "/apercu",
                "alt=\"Aperçu de affiche.jpg (texte alternatif manquant)\"");
        String tooLong = mvc.perform(post(page + "/texte-alternatif").param("altText", "a".repeat(1501))
                .with(session(manager))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(tooLong).contains("Le formulaire contient des erreurs", "Le texte alternatif dépasse 1", "500");

        assertThat(mvc.perform(post(page + "/archivage").with(session(manager))).andReturn().getResponse()
                .getStatus()).isEqualTo(302);
        assertThat(mvc.perform(get("/publier/medias").with(session(manager))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain(page + "/apercu");
        assertThat(mvc.perform(get("/publier/medias").param("archives", "true").with(session(manager))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(page + "/apercu");
    }

    @Test
    void aRefusedUploadShowsTheReasonInFrenchNextToTheField() throws Exception {
        MockHttpServletResponse response = mvc.perform(multipart("/publier/medias")
                .file(new MockMultipartFile("file", "photo.png", "image/png", "pas une image".getBytes()))
                .param("altText", "alt").with(session(manager))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        String html = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Le formulaire contient des erreurs", "href=\"#upload-file\"",
                "Ce fichier n’est ni une image JPEG, PNG, GIF ou WebP", "aria-invalid=\"true\"");
    }

    @Test
    void readersSeeTheLibraryWithoutTheUploadForm() throws Exception {
        Agent reader = tenants.member(tenant, Role.READ_ONLY);
        MockHttpServletResponse page = mvc.perform(get("/publier/medias").with(session(reader))).andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("Médiathèque")
                .doesNotContain("enctype=\"multipart/form-data\"");
        assertThat(mvc.perform(multipart("/publier/medias").file(new MockMultipartFile("file", "a.png", "image/png",
                png(10, 10))).with(session(reader))).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void theApiUploadsListsDescribesAndServesMedia() throws Exception {
        RequestPostProcessor bearer = bearer(manager);
        byte[] png = png(300, 200);
        MockHttpServletResponse created = mvc.perform(multipart("/api/v1/media")
                .file(new MockMultipartFile("file", "carte.png", "application/octet-stream", png))
                .param("altText", "Carte du quartier").with(bearer)).andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode media = json.readTree(created.getContentAsString(StandardCharsets.UTF_8));
        String id = media.get("id").asString();
        assertThat(created.getHeader(HttpHeaders.LOCATION)).endsWith("/api/v1/media/" + id);
        assertThat(media.get("mediaType").asString()).isEqualTo("image/png");
        assertThat(media.get("width").asInt()).isEqualTo(300);

        JsonNode list = json.readTree(mvc.perform(get("/api/v1/media").with(bearer)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(list.get("total").asInt()).isEqualTo(1);
        JsonNode patched = json.readTree(mvc.perform(patch("/api/v1/media/" + id).with(bearer)
                .contentType(MediaType.APPLICATION_JSON).content("{\"altText\": \"Plan du quartier\"}"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(patched.get("altText").asString()).isEqualTo("Plan du quartier");
        MockHttpServletResponse content = mvc.perform(get("/api/v1/media/" + id + "/content").with(bearer))
                .andReturn().getResponse();
        assertThat(content.getContentAsByteArray()).isEqualTo(png);
        assertThat(content.getContentType()).isEqualTo("image/png");
        assertThat(content.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

        MockHttpServletResponse again = mvc.perform(multipart("/api/v1/media")
                .file(new MockMultipartFile("file", "copie.png", "image/png", png)).with(bearer)).andReturn()
                .getResponse();
        assertThat(json.readTree(again.getContentAsString(StandardCharsets.UTF_8)).get("id").asString())
                .isEqualTo(id);
    }

    @Test
    void theApiExplainsRefusalsAsProblemDetails() throws Exception {
        RequestPostProcessor bearer = bearer(manager);
        MockHttpServletResponse text = mvc.perform(multipart("/api/v1/media")
                .file(new MockMultipartFile("file", "photo.png", "image/png", "texte".getBytes()))
                .with(bearer)).andReturn().getResponse();
        assertThat(text.getStatus()).isEqualTo(400);
        assertThat(text.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(text.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.get("detail").asString()).contains("ni une image JPEG, PNG, GIF ou WebP");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("file");

        MockHttpServletResponse video = mvc.perform(multipart("/api/v1/media")
                .file(new MockMultipartFile("file", "clip.mp4", "video/mp4", mp4())).with(bearer)).andReturn()
                .getResponse();
        assertThat(video.getStatus()).isEqualTo(400);
        assertThat(json.readTree(video.getContentAsString(StandardCharsets.UTF_8)).get("detail").asString())
                .contains("Une vidéo doit avoir des sous-titres");
        MockHttpServletResponse withSubtitles = mvc.perform(multipart("/api/v1/media")
                .file(new MockMultipartFile("file", "clip.mp4", "video/mp4", mp4()))
                .file(new MockMultipartFile("subtitles", "clip.srt", "text/plain",
                        "1\n00:00:01,000 --> 00:00:02,000\nBonjour\n".getBytes(StandardCharsets.UTF_8)))
                .with(bearer)).andReturn().getResponse();
        assertThat(withSubtitles.getStatus()).isEqualTo(201);
        assertThat(json.readTree(withSubtitles.getContentAsString(StandardCharsets.UTF_8)).get("subtitles").asString())
                .isEqualTo("SUBRIP");

        MockHttpServletResponse missing = mvc.perform(multipart("/api/v1/media").param("altText", "seul")
                .with(bearer)).andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(mvc.perform(get("/api/v1/media/" + java.util.UUID.randomUUID()).with(bearer)).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void largeMultipartRequestsAreRefusedOutsideTheMediaRoutes() throws Exception {
        byte[] body = new byte[3 * 1024 * 1024];
        MockHttpServletResponse logo = mvc.perform(post("/parametres/collectivite/logo")
                .contentType("multipart/form-data; boundary=xyz").content(body).with(session(tenant.admin())))
                .andReturn().getResponse();
        assertThat(logo.getStatus()).isEqualTo(413);
        assertThat(logo.getContentAsString(StandardCharsets.UTF_8)).contains("2 Mo au plus");
        MockHttpServletResponse api = mvc.perform(post("/api/v1/media")
                .contentType("multipart/form-data; boundary=xyz").content(new byte[220 * 1024 * 1024])
                .with(bearer(manager))).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(413);
        assertThat(api.getContentType()).startsWith("application/problem+json");
    }

    private RequestPostProcessor session(Agent agent) {
        RequestPostProcessor auth = authentication(tenants.authentication(agent));
        RequestPostProcessor csrf = csrf();
        return request -> csrf.postProcessRequest(auth.postProcessRequest(request));
    }

    private RequestPostProcessor bearer(Agent agent) {
        String secret = tenants.as(agent, () -> tokens.create(new NewApiToken("médias " + java.util.UUID.randomUUID()
                .toString().substring(0, 8), agent.role(), 30))).secret();
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + secret);
            return request;
        };
    }

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, x * height / width, 0xFFFFFF);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] mp4() {
        byte[] video = new byte[2048];
        new java.util.Random().nextBytes(video);
        byte[] head = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'};
        System.arraycopy(head, 0, video, 0, head.length);
        return video;
    }
}
