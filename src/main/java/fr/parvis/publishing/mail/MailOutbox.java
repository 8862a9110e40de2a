package fr.parvis.publishing.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the e-mails through the SMTP server of {@code spring.mail.*} ({@code PARVIS_SMTP_HOST}…).
 * Without a host, e-mail is off and nothing is sent.
 */
@Component
class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

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

    /**
     * Sends each letter on its own (an address never sees the others). Failures are logged, then
     * reported by an exception so that the event publication stays incomplete and is retried.
     */
    void send(List<MailComposer.Letter> letters, UUID postId) {
        JavaMailSender sender = senders.getObject();
        List<String> failed = new ArrayList<>();
        RuntimeException last = null;
        for (MailComposer.Letter letter : letters) {
            try {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
                helper.setFrom(from);
                helper.setTo(letter.to());
                helper.setSubject(letter.subject());
                helper.setText(letter.text(), letter.html());
                message.setHeader("Auto-Submitted", "auto-generated");
                sender.send(message);
            } catch (MailException | MessagingException e) {
                failed.add(letter.to());
                last = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                log.warn("E-mail about post {} to {} not sent: {}", postId, mask(letter.to()), e.getMessage());
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("E-mail about post " + postId + " not sent to " + failed.size()
                    + " of " + letters.size() + " recipients; the event publication will be retried", last);
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

    private static String mask(String address) {
        int at = address.indexOf('@');
        return at <= 1 ? "***" : address.charAt(0) + "***" + address.substring(at);
    }
}
