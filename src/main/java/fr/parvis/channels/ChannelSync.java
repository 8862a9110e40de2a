package fr.parvis.channels;

import fr.parvis.channels.calls.AccountCalls;
import fr.parvis.channels.calls.Connectors;
import fr.parvis.channels.domain.AccountEvent;
import fr.parvis.channels.domain.AccountEvents;
import fr.parvis.channels.domain.ChannelInteraction;
import fr.parvis.channels.domain.ChannelInteractions;
import fr.parvis.channels.domain.ChannelPost;
import fr.parvis.channels.domain.ChannelPosts;
import fr.parvis.channels.domain.SocialAccount;
import fr.parvis.channels.domain.SocialAccounts;
import fr.parvis.channels.spi.AccountMetrics;
import fr.parvis.channels.spi.Connector;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.Cursor;
import fr.parvis.channels.spi.Interaction;
import fr.parvis.channels.spi.InteractionPage;
import fr.parvis.channels.spi.PostPage;
import fr.parvis.channels.spi.PublishedPost;
import fr.parvis.shared.DomainException;
import fr.parvis.shared.Texts;
import fr.parvis.shared.tenancy.Tenancy;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads an account's posts and interactions from its network into Parvis, from where it stopped
 * last time (the network's cursors). New interactions are published as {@link InteractionReceived}
 * for the inbox. Runs for the current collectivité, outside any transaction (it waits on the
 * network); each page is stored in its own short transaction.
 */
@Service
public class ChannelSync {

    /** At most this many pages per kind and per synchronisation, so one account cannot hog a job. */
    static final int MAX_PAGES = 10;

    private final SocialAccounts accounts;
    private final ChannelPosts posts;
    private final ChannelInteractions interactions;
    private final AccountEvents events;
    private final AccountCalls calls;
    private final Connectors connectors;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ChannelSync(SocialAccounts accounts, ChannelPosts posts, ChannelInteractions interactions, AccountEvents events,
            AccountCalls calls, Connectors connectors, ApplicationEventPublisher publisher, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.accounts = accounts;
        this.posts = posts;
        this.interactions = interactions;
        this.events = events;
        this.calls = calls;
        this.connectors = connectors;
        this.publisher = publisher;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Reads the account now. Failures are recorded on the account and reported, not thrown. */
    @Transactional(propagation = Propagation.NEVER)
    public SyncReport sync(UUID accountId) {
        Optional<SocialAccount> found = transaction.execute(status -> accounts.findById(accountId));
        if (found.isEmpty() || found.get().status() != AccountStatus.CONNECTED) {
            return SyncReport.skippedOne();
        }
        SocialAccount account = found.get();
        Connector connector = connectors.get(account.network());
        int newPosts = 0;
        int newInteractions = 0;
        String postsCursor = account.postsCursor();
        String interactionsCursor = account.interactionsCursor();
        Long followers = null;
        try {
            if (connector.timeline().isPresent()) {
                for (int page = 0; page < MAX_PAGES; page++) {
                    Cursor since = new Cursor(postsCursor);
                    PostPage result = calls.read(accountId, "timeline",
                            (network, context) -> network.timeline().orElseThrow().posts(context, since));
                    newPosts += transaction.execute(status -> storePosts(accountId, result));
                    postsCursor = result.next() == null ? postsCursor : result.next().value();
                    if (!result.more()) {
                        break;
                    }
                }
            }
            if (connector.interactions().isPresent()) {
                for (int page = 0; page < MAX_PAGES; page++) {
                    Cursor since = new Cursor(interactionsCursor);
                    InteractionPage result = calls.read(accountId, "interactions",
                            (network, context) -> network.interactions().orElseThrow().since(context, since));
                    newInteractions += transaction.execute(status -> storeInteractions(accountId, result));
                    interactionsCursor = result.next() == null ? interactionsCursor : result.next().value();
                    if (!result.more()) {
                        break;
                    }
                }
            }
            if (connector.metrics().isPresent()) {
                AccountMetrics metrics = calls.read(accountId, "metrics",
                        (network, context) -> network.metrics().orElseThrow().account(context));
                followers = metrics.followers();
            }
        } catch (ConnectorException e) {
            saveCursors(accountId, postsCursor, interactionsCursor, null, newPosts, newInteractions);
            return new SyncReport(newPosts, newInteractions, false, e.messageKey());
        } catch (DomainException e) {
            return new SyncReport(newPosts, newInteractions, false, e.messageKey());
        }
        saveCursors(accountId, postsCursor, interactionsCursor, followers, newPosts, newInteractions);
        return new SyncReport(newPosts, newInteractions, false, null);
    }

    private void saveCursors(UUID accountId, String postsCursor, String interactionsCursor, Long followers,
            int newPosts, int newInteractions) {
        transaction.executeWithoutResult(status -> accounts.findById(accountId).ifPresent(account -> {
            account.synced(clock.instant(), postsCursor, interactionsCursor, followers);
            if (newPosts + newInteractions > 0) {
                events.save(new AccountEvent(accountId, clock.instant(), AccountEvent.Kind.SYNC, "sync",
                        "account.event.synced", newPosts + "\u001f" + newInteractions, null));
            }
        }));
    }

    private int storePosts(UUID accountId, PostPage page) {
        int created = 0;
        for (PublishedPost post : page.items()) {
            if (posts.findByAccountIdAndExternalId(accountId, post.externalId()).isEmpty()) {
                posts.save(new ChannelPost(accountId, post.externalId(),
                        post.url() == null ? null : Texts.abbreviate(post.url().toString(), 1000),
                        Texts.abbreviate(post.text(), 10_000), post.publishedAt() == null ? clock.instant()
                                : post.publishedAt(), ChannelPost.Origin.NETWORK));
                created++;
            }
        }
        return created;
    }

    private int storeInteractions(UUID accountId, InteractionPage page) {
        int created = 0;
        for (Interaction interaction : page.items()) {
            if (interactions.existsByAccountIdAndExternalId(accountId, interaction.externalId())) {
                continue;
            }
            ChannelInteraction saved = interactions.save(new ChannelInteraction(accountId, interaction.externalId(),
                    interaction.type(), interaction.postExternalId(), interaction.parentExternalId(),
                    interaction.author() == null ? null : interaction.author().externalId(),
                    interaction.author() == null ? null : Texts.abbreviate(interaction.author().handle(), 255),
                    interaction.author() == null ? null : Texts.abbreviate(interaction.author().displayName(), 200),
                    Texts.abbreviate(interaction.text(), 10_000),
                    interaction.createdAt() == null ? clock.instant() : interaction.createdAt(),
                    interaction.url() == null ? null : Texts.abbreviate(interaction.url().toString(), 1000),
                    Texts.abbreviate(interaction.raw(), 100_000)));
            publisher.publishEvent(new InteractionReceived(Tenancy.require(), accountId, saved.id(), saved.type()));
            created++;
        }
        return created;
    }
}
