package fr.parvis.publishing.feeds;

import java.util.List;
import java.util.UUID;

/**
 * A source and how its new items become posts.
 *
 * @param configured whether the collectivité saved a rule (else the defaults, disabled)
 * @param template the text, with {@code {titre}}, {@code {lien}}, {@code {resume}}, {@code {source}}
 * @param autoPublish publish at once (after the checks; errors keep a draft) instead of a draft
 */
public record FeedRuleView(UUID sourceId, String sourceName, String sourceUrl, boolean configured, boolean enabled,
        List<UUID> accountIds, String template, boolean autoPublish) {

    public FeedRuleView {
        accountIds = List.copyOf(accountIds);
    }
}
