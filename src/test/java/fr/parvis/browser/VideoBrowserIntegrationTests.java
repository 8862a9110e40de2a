package fr.parvis.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.parvis.channels.SocialAccountManagement;
import fr.parvis.channels.spi.Network;
import fr.parvis.publishing.PostCommand;
import fr.parvis.publishing.PostStatus;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.publishing.jobs.PublishingJobs;
import fr.parvis.publishing.media.MediaLibrary;
import fr.parvis.publishing.media.MediaUpload;
import fr.parvis.publishing.media.MediaView;
import fr.parvis.territory.Role;
import fr.parvis.test.HeadlessChromium;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.MutableClock;
import fr.parvis.test.Peer;
import fr.parvis.test.RequiresPeer;
import fr.parvis.test.TestTenants;
import fr.parvis.test.TestTenants.Agent;
import fr.parvis.test.TestTenants.Tenant;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A video published on the Sandbox, as its account page shows it in a real browser: the network's
 * video limits, the post with a player, its subtitles track (the SubRip file converted to WebVTT) and
 * its description; the video answers byte ranges (seeking). Screenshot in
 * {@code target/screenshots/video-sandbox-account.png}.
 */
@RequiresPeer(Peer.CHROMIUM)
@IntegrationTest
class VideoBrowserIntegrationTests {

    static final String SRT = "1\n00:00:00,500 --> 00:00:02,000\nBonjour à toutes et à tous.\n";

    static HeadlessChromium chromium;
    static ChromeDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    SocialAccountManagement accounts;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    MediaLibrary library;

    @Autowired
    PublishingJobs jobs;

    @Autowired
    MutableClock clock;

    @BeforeAll
    static void startChromium() throws IOException {
        chromium = HeadlessChromium.start();
        driver = chromium.driver();
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theSandboxAccountPagePlaysThePublishedVideoWithItsSubtitles() throws IOException {
        Tenant tenant = tenants.commune();
        Agent manager = tenants.member(tenant, Role.COMMUNITY_MANAGER);
        Agent elu = tenants.member(tenant, Role.ELECTED_OFFICIAL);
        UUID account = tenants.as(tenant.admin(), () -> accounts.connectOneClick(Network.SANDBOX,
                "video" + UUID.randomUUID().toString().substring(0, 8), null, "Habitants")).id();
        byte[] mp4;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/parvis-2500ms-320x180.mp4")) {
            mp4 = in.readAllBytes();
        }
        byte[] video = mp4;
        MediaView medium = tenants.as(manager, () -> library.upload(new MediaUpload("voeux.mp4", video,
                "Le maire présente ses vœux devant la mairie.", "voeux.srt", SRT.getBytes(StandardCharsets.UTF_8),
                false)));
        Instant at = clock.instant().plus(Duration.ofHours(1));
        PostView post = tenants.as(manager, () -> publishing.create(new PostCommand(null, "Les vœux du maire en vidéo.",
                null, null, false, at, List.of(new PostCommand.VariantCommand(account, null, null,
                        List.of(medium.id().value()))))));
        // a Bluesky or Sandbox account just connected during a reserve period is warned as new: read and accepted
        Set<String> warnings = tenants.as(manager, () -> publishing.check(post.id()).warnings().stream()
                .map(fr.parvis.publishing.CheckFinding::code).collect(java.util.stream.Collectors.toSet()));
        tenants.as(manager, () -> publishing.submit(post.id(), warnings));
        tenants.as(elu, () -> publishing.approve(post.id(), null));
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        jobs.dispatch();
        jobs.dispatch();
        assertThat(tenants.as(manager, () -> publishing.get(post.id())).status()).isEqualTo(PostStatus.PUBLISHED);
        tenants.as(tenant.admin(), () -> accounts.syncNow(account));

        open("/connexion");
        driver.findElement(By.id("email")).sendKeys(tenant.admin().email());
        driver.findElement(By.id("password")).sendKeys(tenant.admin().password());
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> URI.create(d.getCurrentUrl()).getPath()
                .equals("/"));
        open("/parametres/comptes/" + account);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "complete".equals(
                driver.executeScript("return document.readyState;")));

        assertThat(driver.findElement(By.id("limits-title")).findElement(By.xpath("..")).getText())
                .contains("Vidéos", "1 par publication, 50 Mo au plus, formats video/mp4, video/webm, 600 s au plus",
                        "sous-titres WebVTT envoyés avec la vidéo");
        WebElement player = driver.findElement(By.cssSelector("figure.post-video video"));
        assertThat(player.getAttribute("aria-label")).isEqualTo("Vidéo 1 de cette publication");
        WebElement track = player.findElement(By.tagName("track"));
        assertThat(track.getAttribute("srclang")).isEqualTo("fr");
        assertThat(track.getAttribute("kind")).isEqualTo("subtitles");
        assertThat(driver.findElement(By.cssSelector("figure.post-video figcaption")).getText())
                .isEqualTo("Description : Le maire présente ses vœux devant la mairie.");

        @SuppressWarnings("unchecked")
        Map<String, Object> fetched = (Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  const video = document.querySelector('figure.post-video video').src;
                  const track = document.querySelector('figure.post-video track').src;
                  const whole = await fetch(video);
                  const bytes = new Uint8Array(await whole.arrayBuffer());
                  const part = await fetch(video, {headers: {Range: 'bytes=4-7'}});
                  const vtt = await fetch(track);
                  return {status: whole.status, type: whole.headers.get('content-type'), size: bytes.length,
                          partStatus: part.status, part: await part.text(), vttType: vtt.headers.get('content-type'),
                          vtt: await vtt.text()};
                })().then(done, e => done({error: String(e)}));
                """);
        assertThat(fetched.get("status")).isEqualTo(200L);
        assertThat(fetched.get("type")).isEqualTo("video/mp4");
        assertThat(fetched.get("size")).isEqualTo((long) mp4.length);
        assertThat(fetched.get("partStatus")).isEqualTo(206L);
        assertThat(fetched.get("part")).isEqualTo("ftyp");
        assertThat((String) fetched.get("vttType")).startsWith("text/vtt");
        assertThat(fetched.get("vtt")).isEqualTo("WEBVTT\n\n1\n00:00:00.500 --> 00:00:02.000\n"
                + "Bonjour à toutes et à tous.\n");

        HeadlessChromium.screenshot(driver, "video-sandbox-account");
        assertThat(HeadlessChromium.blockingViolations(driver, "video-sandbox-account")).isEmpty();

        open("/publier/medias/" + medium.id());
        assertThat(driver.findElement(By.cssSelector("dl.facts")).getText()).contains("Durée\n2,5 secondes",
                "Dimensions\n320 × 180 pixels", "Sous-titres (vidéos)\nSubRip");
        HeadlessChromium.screenshot(driver, "video-media-detail");
        assertThat(HeadlessChromium.blockingViolations(driver, "video-media-detail")).isEmpty();

        // "Utiliser dans une publication": the composer with the video in the account's media
        driver.findElement(By.linkText("Utiliser dans une publication")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> URI.create(d.getCurrentUrl()).getPath()
                .equals("/publier/nouveau"));
        WebElement media = driver.findElement(By.cssSelector("input[name='variants[" + account + "].mediaIds']"));
        assertThat(media.getAttribute("value")).isEqualTo(medium.id().value().toString());
        driver.findElement(By.cssSelector("details#v-" + account + " > summary")).click();
        assertThat(driver.findElement(By.id(media.getAttribute("aria-describedby"))).getText())
                .isEqualTo("Identifiants des médias de la médiathèque, séparés par des espaces, 4 au plus, dans "
                        + "l’ordre de publication.");
        HeadlessChromium.screenshot(driver, "video-composer");
        assertThat(HeadlessChromium.blockingViolations(driver, "video-composer")).isEmpty();
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }
}
