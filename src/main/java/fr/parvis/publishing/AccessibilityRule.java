package fr.parvis.publishing;

import fr.parvis.language.AccessibilityLint;
import fr.parvis.language.MediaDescription;
import fr.parvis.language.Severity;
import fr.parvis.language.TextFinding;
import fr.parvis.publishing.CheckFinding;
import fr.parvis.publishing.domain.Post;
import fr.parvis.publishing.domain.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The accessibility of what is published (loi 2005-102 art. 47, RGAA; domain.md §8), by the
 * language module's lint: the message once, each variant's own text, and each variant's media
 * (alternative text, subtitles), then each part of its thread (text and media) the same way.
 */
@Component
class AccessibilityRule implements PostRule {

    private final AccessibilityLint lint;
    private final org.springframework.beans.factory.ObjectProvider<PostMedia> media;

    AccessibilityRule(AccessibilityLint lint, org.springframework.beans.factory.ObjectProvider<PostMedia> media) {
        this.lint = lint;
        this.media = media;
    }

    @Override
    public List<CheckFinding> check(Post post, List<Variant> variants) {
        List<CheckFinding> findings = new ArrayList<>();
        boolean bodyUsed = variants.isEmpty() || variants.stream().anyMatch(v -> v.text() == null);
        if (bodyUsed && post.body() != null && !post.body().isBlank()) {
            add(findings, lint.check(post.body(), List.of()), null, "a11y.");
        }
        for (Variant variant : variants) {
            if (variant.text() != null) {
                add(findings, lint.check(variant.text(), List.of()), variant.accountId(),
                        "a11y." + variant.accountId() + ".");
            }
            List<MediaDescription> described = new ArrayList<>();
            for (PostMedia source : media.orderedStream().toList()) {
                described.addAll(source.describe(variant.mediaIds()));
            }
            if (!described.isEmpty()) {
                add(findings, lint.check("", described), variant.accountId(), "a11y.media." + variant.accountId() + ".");
            }
            for (fr.parvis.publishing.domain.ThreadPart part : variant.thread()) {
                String prefix = "a11y.thread." + part.number() + "." + variant.accountId() + ".";
                if (part.text() != null) {
                    add(findings, lint.check(part.text(), List.of()), variant.accountId(), prefix);
                }
                List<MediaDescription> partMedia = new ArrayList<>();
                for (PostMedia source : media.orderedStream().toList()) {
                    partMedia.addAll(source.describe(part.mediaIds()));
                }
                if (!partMedia.isEmpty()) {
                    add(findings, lint.check("", partMedia), variant.accountId(), prefix + "media.");
                }
            }
        }
        return findings;
    }

    private static void add(List<CheckFinding> findings, List<TextFinding> found, UUID account, String prefix) {
        for (TextFinding f : found) {
            String code = prefix + f.code() + (f.hasSpan() ? "." + f.start() : "." + f.argsArray().length
                    + String.valueOf(f.args()).hashCode());
            findings.add(new CheckFinding(code, f.severity() == Severity.ERROR ? CheckFinding.Severity.ERROR
                    : CheckFinding.Severity.WARNING, account, f.messageKey(), f.args(), f.reference(), false));
        }
    }
}
