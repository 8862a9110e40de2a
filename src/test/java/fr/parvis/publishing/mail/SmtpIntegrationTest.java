package fr.parvis.publishing.mail;

import java.io.IOException;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SMTP settings of the e-mail tests, inherited so that they share one application context: a
 * GreenMail server on {@link #PORT} (one free port chosen per test JVM) that each test class starts
 * and stops itself, and a retry task that runs only when a test calls it (interval of one hour).
 */
abstract class SmtpIntegrationTest {

    static final int PORT = freePort();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
        registry.add("spring.mail.properties[mail.smtp.starttls.enable]", () -> "false");
        registry.add("spring.mail.properties[mail.smtp.connectiontimeout]", () -> "2000");
        registry.add("parvis.mail.from", () -> "Parvis <parvis@ville.example>");
        registry.add("parvis.mail.retry-interval", () -> "1h");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
