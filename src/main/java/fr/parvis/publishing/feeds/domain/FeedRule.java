package fr.parvis.publishing.feeds.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** How the new items of one RSS/Atom source become posts: which accounts, which text, draft or published. */
@Entity
@Table(name = "publishing_feed_rule")
public class FeedRule extends TenantScoped {

    @Column(name = "source_id", nullable = false, updatable = false)
    private UUID sourceId;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "account_ids", nullable = false, length = 800)
    private String accountIds;

    @Column(name = "template", nullable = false, length = 1000)
    private String template;

    @Column(name = "auto_publish", nullable = false)
    private boolean autoPublish;

    protected FeedRule() {
    }

    public FeedRule(UUID sourceId) {
        this.sourceId = sourceId;
    }

    public void change(boolean enabled, List<UUID> accounts, String template, boolean autoPublish) {
        this.enabled = enabled;
        this.accountIds = accounts.stream().map(UUID::toString).collect(Collectors.joining(","));
        this.template = template;
        this.autoPublish = autoPublish;
    }

    public UUID sourceId() {
        return sourceId;
    }

    public boolean enabled() {
        return enabled;
    }

    public List<UUID> accountIds() {
        return accountIds == null || accountIds.isBlank() ? List.of()
                : Arrays.stream(accountIds.split(",")).map(UUID::fromString).toList();
    }

    public String template() {
        return template;
    }

    public boolean autoPublish() {
        return autoPublish;
    }
}
