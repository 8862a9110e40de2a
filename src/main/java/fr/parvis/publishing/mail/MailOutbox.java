package fr.parvis.publishing.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the e-mails through the SMTP server of {@code spring.mail.*} ({@code PARVIS_SMTP_HOST}…).
 * Without a host, e-mail is off and nothing is sent.
 */
@Component
class MailOutbox {

    private final ObjectProvider<JavaMailSender> senders;
    private final String host;
    private final String from;

    MailOutbox(ObjectProvider<JavaMailSender> senders, @Value("${spring.mail.host:}") String host,
            @Value("${parvis.mail.from:}") String from, @Value("${parvis.base-url:http://localhost:8080}") String baseUrl) {
        this.senders = senders;
        this.host = host == null ? "" : host.strip();
        this.from = from == null || from.isBlank() ? defaultFrom(baseUrl) : from.strip();
    }

    boolean enabled() {
        return !host.isEmpty() && senders.getIfAvailable() != null;
    }

    /** Sends one e-mail; a refusal or an unreachable server is thrown. */
    void send(String to, String subject, String text, String html) {
        JavaMailSender sender = senders.getObject();
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, html);
            message.setHeader("Auto-Submitted", "auto-generated");
            sender.send(message);
        } catch (MessagingException e) {
            throw new MailPreparationException(e.getMessage(), e);
        }
    }

    private static String defaultFrom(String baseUrl) {
        String domain = "localhost";
        try {
            String parsed = URI.create(baseUrl).getHost();
            if (parsed != null && !parsed.isBlank()) {
                domain = parsed;
            }
        } catch (IllegalArgumentException e) {
            // keep localhost
        }
        return "Parvis <ne-pas-repondre@" + domain + ">";
    }

    static String mask(String address) {
        int at = address.indexOf('@');
        return at <= 1 ? "***" : address.charAt(0) + "***" + address.substring(at);
    }
}
