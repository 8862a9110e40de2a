package fr.parvis.publishing.feeds;

import fr.parvis.channels.feeds.FeedItemDiscovered;
import fr.parvis.territory.access.SystemActor;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns each new item of a source into a post, after the item is stored. {@code @Async} +
 * {@code @TransactionalEventListener} rather than {@code @ApplicationModuleListener}: the work runs
 * for the item's collectivité through {@link SystemActor#actFor}, which must open the transaction
 * itself. The Spring Modulith event publication registry redelivers the event after a crash; the
 * unique origin reference keeps one post per item.
 */
@Component
class FeedDraftListener {

    private final FeedRuleManagement rules;

    FeedDraftListener(FeedRuleManagement rules) {
        this.rules = rules;
    }

    @Async
    @TransactionalEventListener
    void on(FeedItemDiscovered item) {
        SystemActor.actFor(item.collectiviteId(), "feed item to post", () -> rules.draftFrom(item));
    }
}
