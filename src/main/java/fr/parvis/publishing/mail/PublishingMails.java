package fr.parvis.publishing.mail;

import fr.parvis.publishing.PostApproved;
import fr.parvis.publishing.PostChangesRequested;
import fr.parvis.publishing.PostHistoryView;
import fr.parvis.publishing.PostSubmitted;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.PublicationFailed;
import fr.parvis.publishing.PublicationOutcomeUnknown;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.publishing.VariantView;
import fr.parvis.publishing.domain.CircuitSettings;
import fr.parvis.publishing.domain.CircuitSettingsRecords;
import fr.parvis.shared.CollectiviteId;
import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.CollectiviteView;
import fr.parvis.territory.MemberManagement;
import fr.parvis.territory.MemberView;
import fr.parvis.territory.Role;
import fr.parvis.territory.access.SystemActor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mails of the approval circuit (issue §3), when the collectivité turned them on
 * ({@link CircuitSettings#notifyByEmail()}) and an SMTP server is configured: the approvers of the
 * level hear of a submitted post; the author hears of a request for changes, of the final
 * approval, and of a failed or uncertain publication.
 *
 * <p>The listeners run after the action's commit, on another thread, through the event publication
 * registry: they write each e-mail in the durable outbox ({@link MailQueue}) and make a first
 * attempt at once; an e-mail that could not be sent is tried again by the recurring task
 * {@link MailJobs} with backoff, then marked failed and shown to the administrators. The action
 * itself is never blocked. They run without a transaction of their own (the reads open theirs inside
 * {@link SystemActor#actFor}, which fixes the collectivité).
 */
@Component
class PublishingMails {

    private static final Logger log = LoggerFactory.getLogger(PublishingMails.class);

    private final PublishingManagement publishing;
    private final CircuitSettingsRecords settings;
    private final MemberManagement members;
    private final CollectiviteManagement collectivites;
    private final MailComposer composer;
    private final MailQueue queue;
    private final TransactionTemplate reading;

    PublishingMails(PublishingManagement publishing, CircuitSettingsRecords settings, MemberManagement members,
            CollectiviteManagement collectivites, MailComposer composer, MailQueue queue,
            PlatformTransactionManager transactionManager) {
        this.publishing = publishing;
        this.settings = settings;
        this.members = members;
        this.collectivites = collectivites;
        this.composer = composer;
        this.queue = queue;
        this.reading = new TransactionTemplate(transactionManager);
        this.reading.setReadOnly(true);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PostSubmitted event) {
        deliver(event.collectivite(), event.postId(), (context, post) -> {
            List<MailComposer.Letter> letters = new ArrayList<>();
            for (MemberView approver : members.withRoles(context.settings().rolesFor(event.level()))) {
                if (!approver.userId().value().equals(post.authorId())) {
                    letters.add(composer.submitted(context.collectivite(), post, event.level(), approver));
                }
            }
            return letters;
        });
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PostChangesRequested event) {
        deliver(event.collectivite(), event.postId(), (context, post) -> toAuthor(post, author -> {
            String reason = publishing.history(post.id()).entries().stream()
                    .filter(e -> "CHANGES_REQUESTED".equals(e.kind())).reduce((first, second) -> second)
                    .map(PostHistoryView.Entry::text).orElse(null);
            return composer.changesRequested(context.collectivite(), post, reason, author);
        }));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PostApproved event) {
        if (!event.complete()) {
            return;
        }
        deliver(event.collectivite(), event.postId(), (context, post) -> toAuthor(post,
                author -> composer.approved(context.collectivite(), post, author)));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PublicationFailed event) {
        deliver(event.collectivite(), event.postId(), (context, post) -> toAuthor(post,
                author -> composer.failed(context.collectivite(), post, variant(post, event.variantId()),
                        event.reasonKey(), author)));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PublicationOutcomeUnknown event) {
        deliver(event.collectivite(), event.postId(), (context, post) -> toAuthor(post,
                author -> composer.outcomeUnknown(context.collectivite(), post, variant(post, event.variantId()),
                        author)));
    }

    /** What every message needs to know of its collectivité. */
    record Context(CollectiviteView collectivite, CircuitSettings settings) {
    }

    private void deliver(CollectiviteId collectivite, UUID postId,
            BiFunction<Context, PostView, List<MailComposer.Letter>> compose) {
        if (!queue.enabled()) {
            return;
        }
        SystemActor.actFor(collectivite, "publishing e-mail notification", () -> {
            List<MailComposer.Letter> letters = reading.execute(status -> {
                CircuitSettings circuit = settings.findFirstBy().orElseGet(CircuitSettings::defaults);
                if (!circuit.notifyByEmail()) {
                    return List.<MailComposer.Letter>of();
                }
                PostView post = publishing.get(postId);
                return compose.apply(new Context(collectivites.current(), circuit), post);
            });
            if (letters == null || letters.isEmpty()) {
                return;
            }
            // written first, then a first attempt at once; failures are the retry task's
            for (UUID id : queue.enqueue(postId, letters)) {
                queue.attempt(id);
            }
        });
    }

    private List<MailComposer.Letter> toAuthor(PostView post,
            java.util.function.Function<MemberView, MailComposer.Letter> letter) {
        if (post.authorId() == null) {
            return List.of();
        }
        return members.withRoles(EnumSet.allOf(Role.class)).stream()
                .filter(m -> m.userId().value().equals(post.authorId())).findFirst()
                .map(author -> List.of(letter.apply(author)))
                .orElseGet(() -> {
                    log.info("Post {}: its author is no longer a member, no e-mail sent", post.id());
                    return List.of();
                });
    }

    private static VariantView variant(PostView post, UUID variantId) {
        return post.variants().stream().filter(v -> v.id().equals(variantId)).findFirst().orElse(null);
    }
}
