package fr.parvis.publishing.calendar;

import fr.parvis.publishing.calendar.domain.CalendarFeed;
import fr.parvis.publishing.calendar.domain.CalendarFeeds;
import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.UserId;
import fr.parvis.shared.tenancy.CrossTenant;
import fr.parvis.territory.access.AccessManagement;
import fr.parvis.territory.access.SystemActor;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the feed of a secret iCalendar address. The request is anonymous: the collectivité is
 * only known once the feed is found, so the lookup runs in the root scope; everything after it
 * runs in that one collectivité.
 */
@Component
@CrossTenant("Finds the collectivité of a secret calendar address from its hash, before any tenant is known")
class CalendarFeedLookup {

    /** Who a secret address belongs to. */
    record Owner(UUID feedId, CollectiviteId collectivite, UserId userId) {
    }

    private final CalendarFeeds feeds;
    private final AccessManagement access;
    private final Clock clock;
    private final TransactionTemplate transaction;

    CalendarFeedLookup(CalendarFeeds feeds, AccessManagement access, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.feeds = feeds;
        this.access = access;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The owner of an active feed whose holder may still enter the collectivité; empty otherwise. */
    Optional<Owner> find(String secret) {
        if (!CalendarSecrets.looksLikeSecret(secret)) {
            return Optional.empty();
        }
        String hash = CalendarSecrets.hash(secret);
        Owner owner = SystemActor.actAsRoot("iCalendar feed", () -> transaction.execute(status -> {
            CalendarFeed feed = feeds.findByTokenHash(hash).filter(f -> !f.revoked()).orElse(null);
            if (feed == null) {
                return null;
            }
            feed.used(clock.instant());
            return new Owner(feed.id(), feed.collectiviteId(), new UserId(feed.userId()));
        }));
        if (owner == null || access.resolve(owner.userId(), owner.collectivite()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(owner);
    }
}
