package fr.parvis.publishing;

import fr.parvis.channels.ChannelPublishing;
import fr.parvis.channels.PublishingTarget;
import fr.parvis.channels.spi.DraftProblem;
import fr.parvis.channels.spi.PostDraft;
import fr.parvis.publishing.CheckFinding.Severity;
import fr.parvis.publishing.domain.Post;
import fr.parvis.publishing.domain.Variant;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The pre-publication checks of a post: the network's limits and the account's state for each
 * variant, the time, and the rules of the other modules (accessibility, pre-election period). Run
 * in the composer, at submission, at approval and again just before publication.
 */
@Component
public class PostChecks {

    private final ChannelPublishing channels;
    private final List<PostRule> rules;
    private final Clock clock;

    PostChecks(ChannelPublishing channels, List<PostRule> rules, Clock clock) {
        this.channels = channels;
        this.rules = rules;
        this.clock = clock;
    }

    /** "Now" given by a caller a moment ago (publish now, resume after a crisis) is not in the past. */
    static final java.time.Duration PAST_TOLERANCE = java.time.Duration.ofSeconds(5);

    public CheckReport check(Post post, List<Variant> variants, Set<String> acknowledged) {
        return check(post, variants, acknowledged, false);
    }

    /**
     * What still forbids the network call, just before it: the network's rules, the account's state
     * and the rules' blocking errors (not the warnings, acknowledged at submission, nor the time).
     */
    public List<CheckFinding> blockersAtPublication(Post post, List<Variant> variants) {
        return check(post, variants, Set.of(), true).errors().stream()
                .filter(f -> !f.code().equals("schedule.past")).toList();
    }

    private CheckReport check(Post post, List<Variant> variants, Set<String> acknowledged, boolean publication) {
        List<CheckFinding> findings = new ArrayList<>();
        Instant now = clock.instant();
        if (post.scheduledAt() != null && post.scheduledAt().isBefore(now.minus(PAST_TOLERANCE))) {
            findings.add(error("schedule.past", null, "check.schedule.past", List.of(), null));
        }
        if (variants.isEmpty()) {
            findings.add(error("accounts.none", null, "check.accounts.none", List.of(), null));
        }
        if (post.link() != null && !PostTexts.validLink(post.link())) {
            findings.add(error("link.invalid", null, "check.link.invalid", List.of(), null));
        }
        for (Variant variant : variants) {
            PublishingTarget target = channels.target(variant.accountId());
            String label = target.label();
            if (!target.connected()) {
                findings.add(error("account.state." + variant.accountId(), variant.accountId(), "check.account.state",
                        List.of(label, target.status().name()), null));
            }
            if (!target.canPublish() || target.profile() == null) {
                findings.add(error("account.cannotPublish." + variant.accountId(), variant.accountId(),
                        "check.account.cannotPublish", List.of(label), null));
                continue;
            }
            String text = PostTexts.finalText(variant.text(), post.body(), post.link(), post.utmCampaign(),
                    target.network());
            PostDraft draft = new PostDraft(text, List.of(), null, null, "fr", null);
            for (DraftProblem problem : target.profile().check(draft)) {
                if (problem.messageKey().equals("draft.empty") && !variant.mediaIds().isEmpty()) {
                    continue;
                }
                List<Object> args = new ArrayList<>(Arrays.asList(problem.arguments()));
                findings.add(error("network." + problem.messageKey() + "." + variant.accountId(), variant.accountId(),
                        problem.messageKey(), args, label));
            }
            if (variant.firstComment() != null && !variant.firstComment().isBlank()) {
                if (!target.profile().replies()) {
                    findings.add(error("firstComment.unsupported." + variant.accountId(), variant.accountId(),
                            "check.firstComment.unsupported", List.of(label), null));
                } else {
                    for (DraftProblem problem : target.profile().check(PostDraft.text(variant.firstComment()))) {
                        findings.add(error("firstComment." + problem.messageKey() + "." + variant.accountId(),
                                variant.accountId(), problem.messageKey(), Arrays.asList(problem.arguments()), label));
                    }
                }
            }
            checkThread(variant, target, findings);
        }
        for (PostRule rule : rules) {
            findings.addAll(publication ? rule.blockersAtPublication(post, variants) : rule.check(post, variants));
        }
        return new CheckReport(findings.stream()
                .map(f -> f.error() || !acknowledged.contains(f.code()) ? f
                        : new CheckFinding(f.code(), f.severity(), f.accountId(), f.messageKey(), f.arguments(),
                                f.reference(), true))
                .toList());
    }

    /**
     * A thread only where the network has threads; each part checked like a post (its length as the
     * network counts it; its media by the media rule), numbered from 1 in the messages.
     */
    private static void checkThread(Variant variant, PublishingTarget target, List<CheckFinding> findings) {
        if (variant.thread().isEmpty()) {
            return;
        }
        String label = target.label();
        if (!target.threads()) {
            findings.add(error("thread.unsupported." + variant.accountId(), variant.accountId(),
                    target.profile().replies() ? "check.thread.commentsOnly" : "check.thread.unsupported",
                    List.of(label), null));
            return;
        }
        if (variant.thread().size() > PostCommand.MAX_THREAD_PARTS) {
            findings.add(error("thread.tooManyParts." + variant.accountId(), variant.accountId(),
                    "check.thread.tooManyParts", List.of(variant.thread().size(), PostCommand.MAX_THREAD_PARTS), label));
        }
        for (fr.parvis.publishing.domain.ThreadPart part : variant.thread()) {
            PostDraft draft = new PostDraft(part.text() == null ? "" : part.text(), List.of(), null, null, "fr", null);
            for (DraftProblem problem : target.profile().check(draft)) {
                String code = "thread." + part.number() + "." + problem.messageKey() + "." + variant.accountId();
                switch (problem.messageKey()) {
                    case "draft.empty" -> {
                        if (part.mediaIds().isEmpty()) {
                            findings.add(error(code, variant.accountId(), "check.thread.partEmpty",
                                    List.of(part.number(), label), null));
                        }
                    }
                    case "draft.textTooLong" -> findings.add(error(code, variant.accountId(),
                            "check.thread.partTooLong", List.of(part.number(), label, problem.arguments()[0],
                                    problem.arguments()[1]), null));
                    default -> findings.add(error(code, variant.accountId(), "check.thread.partInvalid",
                            List.of(part.number(), label), null));
                }
            }
        }
    }

    static CheckFinding error(String code, java.util.UUID account, String key, List<Object> args, String reference) {
        return new CheckFinding(code, Severity.ERROR, account, key, args, reference, false);
    }

    static CheckFinding warning(String code, java.util.UUID account, String key, List<Object> args, String reference) {
        return new CheckFinding(code, Severity.WARNING, account, key, args, reference, false);
    }
}
