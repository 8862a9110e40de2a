package fr.parvis.publishing.web;

import fr.parvis.channels.PublishingTarget;
import fr.parvis.publishing.CheckFinding;
import fr.parvis.publishing.CheckReport;
import fr.parvis.publishing.PostCommand;
import fr.parvis.publishing.PostTexts;
import java.util.List;
import java.util.UUID;

/**
 * What the composer's preview shows: per selected account, the text as it goes out, its length as
 * the network counts it, and the findings of the checks (the server's, never the browser's).
 */
record ComposerPreview(List<Card> cards, List<CheckFinding> general, CheckReport report, String problemKey,
        Object[] problemArguments) {

    /** One account's card. */
    record Card(PublishingTarget target, String text, int length, int maxLength, String firstComment,
            List<UUID> mediaIds, List<CheckFinding> findings, List<Part> thread) {

        public boolean tooLong() {
            return maxLength > 0 && length > maxLength;
        }

        public boolean threads() {
            return target.threads();
        }

        public boolean replies() {
            return target.profile() != null && target.profile().replies();
        }
    }

    /** One part of the thread as it goes out, counted as the network counts. */
    record Part(int number, String text, int length, int maxLength, List<UUID> mediaIds) {

        public boolean tooLong() {
            return maxLength > 0 && length > maxLength;
        }
    }

    static ComposerPreview empty() {
        return new ComposerPreview(List.of(), List.of(), new CheckReport(List.of()), null, null);
    }

    static ComposerPreview problem(String key, Object... arguments) {
        return new ComposerPreview(List.of(), List.of(), new CheckReport(List.of()), key, arguments);
    }

    static ComposerPreview of(PostCommand command, List<PublishingTarget> targets, CheckReport report) {
        List<Card> cards = command.variants().stream().map(v -> {
            PublishingTarget target = targets.stream().filter(t -> t.accountId().equals(v.accountId())).findFirst()
                    .orElse(null);
            if (target == null) {
                return null;
            }
            String text = PostTexts.finalText(v.text(), command.body(), command.link(), command.utmCampaign(),
                    target.network());
            int length = target.profile() == null ? text.codePointCount(0, text.length())
                    : target.profile().counter().count(text);
            int max = target.profile() == null ? 0 : target.profile().maxTextLength();
            List<CheckFinding> findings = report.findings().stream()
                    .filter(f -> v.accountId().equals(f.accountId())).toList();
            List<Part> thread = new java.util.ArrayList<>();
            for (PostCommand.ThreadPartCommand p : v.thread()) {
                String partText = p.text() == null ? "" : p.text().strip();
                int partLength = target.profile() == null ? partText.codePointCount(0, partText.length())
                        : target.profile().counter().count(partText);
                thread.add(new Part(thread.size() + 1, partText, partLength, max, p.mediaIds()));
            }
            return new Card(target, text, length, max, v.firstComment(), v.mediaIds(), findings, thread);
        }).filter(c -> c != null).toList();
        List<CheckFinding> general = report.findings().stream().filter(f -> f.accountId() == null).toList();
        return new ComposerPreview(cards, general, report, null, null);
    }

    public boolean hasWarnings() {
        return !report.warnings().isEmpty();
    }
}
