package fr.parvis.publishing.mail;

import fr.parvis.publishing.PostView;
import fr.parvis.publishing.VariantView;
import fr.parvis.territory.CollectiviteView;
import fr.parvis.territory.MemberView;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes the e-mails of the approval circuit, in French: a plain-text and a simple HTML version
 * with the same content, every text a person typed escaped, and the link to the post.
 */
@Component
class MailComposer {

    static final Locale LANGUAGE = Locale.FRENCH;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm",
            LANGUAGE);

    private final MessageSource messages;
    private final String baseUrl;

    MailComposer(MessageSource messages, @Value("${parvis.base-url:http://localhost:8080}") String baseUrl) {
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** One e-mail to one person. */
    record Letter(String to, String subject, String text, String html) {
    }

    Letter submitted(CollectiviteView collectivite, PostView post, int level, MemberView to) {
        List<String> lines = new ArrayList<>();
        lines.add(text("mail.submitted.intro", name(post.authorName()), level));
        when(collectivite, post, lines);
        return letter(collectivite, post, to, "mail.submitted.subject", lines);
    }

    Letter changesRequested(CollectiviteView collectivite, PostView post, String reason, MemberView to) {
        List<String> lines = new ArrayList<>();
        lines.add(text("mail.changesRequested.intro"));
        if (reason != null && !reason.isBlank()) {
            lines.add(text("mail.changesRequested.reason", reason));
        }
        return letter(collectivite, post, to, "mail.changesRequested.subject", lines);
    }

    Letter approved(CollectiviteView collectivite, PostView post, MemberView to) {
        List<String> lines = new ArrayList<>();
        lines.add(text("mail.approved.intro"));
        when(collectivite, post, lines);
        return letter(collectivite, post, to, "mail.approved.subject", lines);
    }

    Letter failed(CollectiviteView collectivite, PostView post, VariantView variant, String reasonKey, MemberView to) {
        List<String> lines = new ArrayList<>();
        String reason = reasonKey == null ? null : messages.getMessage(reasonKey,
                variant == null ? null : variant.errorArguments().toArray(), reasonKey, LANGUAGE);
        lines.add(text("mail.failed.intro", account(variant)));
        if (reason != null) {
            lines.add(text("mail.failed.reason", reason));
        }
        return letter(collectivite, post, to, "mail.failed.subject", lines);
    }

    Letter outcomeUnknown(CollectiviteView collectivite, PostView post, VariantView variant, MemberView to) {
        List<String> lines = new ArrayList<>();
        lines.add(text("mail.outcomeUnknown.intro", account(variant)));
        lines.add(text("mail.outcomeUnknown.action"));
        return letter(collectivite, post, to, "mail.outcomeUnknown.subject", lines);
    }

    /** The link to the post in the interface. */
    String link(PostView post) {
        return baseUrl + "/publier/publications/" + post.id();
    }

    private Letter letter(CollectiviteView collectivite, PostView post, MemberView to, String subjectKey,
            List<String> lines) {
        String label = oneLine(post.label());
        String subject = oneLine(text(subjectKey, label));
        if (subject.length() > 180) {
            subject = subject.substring(0, 179) + "…";
        }
        String link = link(post);
        String greeting = text("mail.greeting", name(to.displayName()));
        String labelLine = text("mail.post", label);
        String open = text("mail.open");
        String footer = text("mail.footer", collectivite.name());

        StringBuilder plain = new StringBuilder();
        plain.append(greeting).append("\n\n");
        lines.forEach(line -> plain.append(line).append("\n\n"));
        plain.append(labelLine).append("\n\n");
        plain.append(open).append(" : ").append(link).append("\n\n");
        plain.append("-- \n").append(footer).append('\n');

        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head><meta charset=\"UTF-8\"><title>")
                .append(escape(subject)).append("</title></head>\n<body>\n");
        html.append("<p>").append(escape(greeting)).append("</p>\n");
        lines.forEach(line -> html.append("<p>").append(escape(line)).append("</p>\n"));
        html.append("<p><strong>").append(escape(labelLine)).append("</strong></p>\n");
        html.append("<p><a href=\"").append(escape(link)).append("\">").append(escape(open)).append("</a></p>\n");
        html.append("<hr>\n<p>").append(escape(footer)).append("</p>\n</body>\n</html>\n");
        return new Letter(to.email(), subject, plain.toString(), html.toString());
    }

    private void when(CollectiviteView collectivite, PostView post, List<String> lines) {
        if (post.scheduledAt() != null) {
            lines.add(text("mail.scheduledAt", date(post.scheduledAt(), collectivite)));
        }
    }

    private String account(VariantView variant) {
        return variant == null ? text("mail.account.unknown") : variant.network().name() + " @" + variant.handle();
    }

    private static String date(Instant at, CollectiviteView collectivite) {
        ZoneId zone;
        try {
            zone = collectivite.timeZone() == null ? ZoneId.of("Europe/Paris") : ZoneId.of(collectivite.timeZone());
        } catch (DateTimeException e) {
            zone = ZoneId.of("Europe/Paris");
        }
        return DATE.format(at.atZone(zone));
    }

    private String name(String name) {
        return name == null || name.isBlank() ? text("mail.someone") : name;
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LANGUAGE);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
