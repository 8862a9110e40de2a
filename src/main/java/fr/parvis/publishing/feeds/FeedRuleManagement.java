package fr.parvis.publishing.feeds;

import fr.parvis.channels.PublishingTarget;
import fr.parvis.channels.feeds.FeedItemDiscovered;
import fr.parvis.channels.feeds.FeedSourceManagement;
import fr.parvis.channels.feeds.FeedSourceView;
import fr.parvis.compliance.AuditDetails;
import fr.parvis.compliance.AuditRecord;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.publishing.PostCommand;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.publishing.feeds.domain.FeedRule;
import fr.parvis.publishing.feeds.domain.FeedRules;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.Texts;
import fr.parvis.territory.Permission;
import fr.parvis.territory.access.Actors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

/**
 * Feeds → drafts (issue 4 §7): per RSS/Atom source, whether its new items become posts, on which
 * accounts, with which text, as drafts for review (default) or published at once (explicit; the
 * checks still run and an error keeps the draft). Each item gives at most one post (origin FEED,
 * the item id as reference, unique per collectivité).
 */
@Service
@Validated
@Transactional(readOnly = true)
public class FeedRuleManagement {

    /** The text of a new rule. */
    public static final String DEFAULT_TEMPLATE = "{titre} {lien}";

    static final List<String> PLACEHOLDERS = List.of("titre", "lien", "resume", "source");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]{1,40})}");

    private static final Logger log = LoggerFactory.getLogger(FeedRuleManagement.class);

    private final FeedRules rules;
    private final FeedSourceManagement sources;
    private final PublishingManagement publishing;
    private final AuditTrail audit;
    private final TransactionTemplate readOnly;

    FeedRuleManagement(FeedRules rules, FeedSourceManagement sources, PublishingManagement publishing, AuditTrail audit,
            PlatformTransactionManager transactionManager) {
        this.rules = rules;
        this.sources = sources;
        this.publishing = publishing;
        this.audit = audit;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** Every source of the collectivité with its rule (or the disabled defaults). */
    public List<FeedRuleView> list() {
        Map<UUID, FeedRule> bySource = new HashMap<>();
        rules.findAll().forEach(r -> bySource.put(r.sourceId(), r));
        List<FeedRuleView> views = new ArrayList<>();
        for (FeedSourceView source : sources.list()) {
            views.add(view(source, bySource.get(source.id())));
        }
        return views;
    }

    public FeedRuleView get(UUID sourceId) {
        return view(sources.get(sourceId), rules.findBySourceId(sourceId).orElse(null));
    }

    /** The accounts a rule may target. */
    public List<PublishingTarget> targets() {
        return publishing.targets();
    }

    @Transactional
    public FeedRuleView save(@NotNull UUID sourceId, @Valid @NotNull FeedRuleCommand command) {
        Actors.require(Permission.PUBLISHING_SETTINGS);
        FeedSourceView source = sources.get(sourceId);
        Set<UUID> known = publishing.targets().stream().map(PublishingTarget::accountId).collect(Collectors.toSet());
        List<UUID> accounts = new ArrayList<>(new LinkedHashSet<>(command.accountIds()));
        for (UUID account : accounts) {
            if (!known.contains(account)) {
                throw new InvalidInputException("feedRule.account.unknown", "accountIds");
            }
        }
        if (command.enabled() && accounts.isEmpty()) {
            throw new InvalidInputException("feedRule.accounts.required", "accountIds");
        }
        String template = Texts.clean(command.template());
        if (template == null || template.isBlank()) {
            template = DEFAULT_TEMPLATE;
        }
        List<String> unknown = placeholders(template).stream().filter(p -> !PLACEHOLDERS.contains(p)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("feedRule.template.unknownPlaceholder", "template", "{" + unknown.get(0) + "}");
        }
        FeedRule rule = rules.findBySourceId(sourceId).orElseGet(() -> new FeedRule(sourceId));
        rule.change(command.enabled(), accounts, template.strip(), command.autoPublish());
        rules.save(rule);
        audit.record(new AuditRecord("publishing.feedRule.saved", "feedSource", sourceId.toString(),
                source.displayName(), AuditDetails.of("enabled", String.valueOf(command.enabled()), "autoPublish",
                        String.valueOf(command.autoPublish()), "accounts", String.valueOf(accounts.size()))));
        return view(source, rule);
    }

    /**
     * Turns a new item into a post when its source has an enabled rule; in the item's collectivité
     * (the caller acts for it). Returns the post, existing or new. Outside a transaction: a
     * concurrent delivery of the same item loses on the unique key and gets the existing post.
     */
    @Transactional(propagation = Propagation.NEVER)
    public Optional<PostView> draftFrom(FeedItemDiscovered item) {
        FeedRule rule = readOnly.execute(status -> rules.findBySourceId(item.sourceId()).orElse(null));
        if (rule == null || !rule.enabled() || rule.accountIds().isEmpty()) {
            return Optional.empty();
        }
        Set<UUID> known = publishing.targets().stream().map(PublishingTarget::accountId).collect(Collectors.toSet());
        List<UUID> accounts = rule.accountIds().stream().filter(known::contains).toList();
        if (accounts.isEmpty()) {
            log.info("Feed rule of source {} has no account left", item.sourceId());
            return Optional.empty();
        }
        String link = validLink(item.link());
        String text = fill(rule.template(), item, link);
        if (text.isBlank()) {
            return Optional.empty();
        }
        PostCommand command = new PostCommand(Texts.abbreviate(Texts.clean(item.title()), 120),
                Texts.abbreviate(text, 10000), link, null, false, null,
                accounts.stream().map(a -> new PostCommand.VariantCommand(a, null, null, List.of())).toList());
        String ref = item.itemId().toString();
        try {
            return Optional.of(publishing.createFromFeed(command, ref, rule.autoPublish()));
        } catch (DataIntegrityViolationException duplicate) {
            return Optional.of(publishing.createFromFeed(command, ref, false));
        }
    }

    private static String validLink(String link) {
        if (link == null || link.isBlank() || link.length() > 2048) {
            return null;
        }
        try {
            URI uri = URI.create(link.strip());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    ? link.strip() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String fill(String template, FeedItemDiscovered item, String link) {
        Map<String, String> values = Map.of(
                "titre", nonNull(Texts.clean(item.title())),
                "lien", nonNull(link),
                "resume", Texts.abbreviate(nonNull(Texts.clean(item.summary())), 280),
                "source", nonNull(Texts.clean(item.sourceName())));
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString().replaceAll("[ \\t]{2,}", " ").strip();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static FeedRuleView view(FeedSourceView source, FeedRule rule) {
        if (rule == null) {
            return new FeedRuleView(source.id(), source.displayName(), source.url(), false, false, List.of(),
                    DEFAULT_TEMPLATE, false);
        }
        return new FeedRuleView(source.id(), source.displayName(), source.url(), true, rule.enabled(),
                rule.accountIds(), rule.template(), rule.autoPublish());
    }
}
