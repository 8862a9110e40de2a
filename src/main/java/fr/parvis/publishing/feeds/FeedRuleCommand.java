package fr.parvis.publishing.feeds;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The rule of one source: enabled, target accounts, text template, auto-publish (explicit, off by default). */
public record FeedRuleCommand(boolean enabled, @Size(max = 20) List<@NotNull UUID> accountIds,
        @Size(max = 1000) String template, boolean autoPublish) {

    public FeedRuleCommand {
        accountIds = accountIds == null ? List.of() : List.copyOf(accountIds);
    }
}
