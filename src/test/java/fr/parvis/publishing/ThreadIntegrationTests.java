package fr.parvis.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;

import fr.parvis.channels.ChannelPublishing;
import fr.parvis.channels.SocialAccountManagement;
import fr.parvis.channels.sandbox.domain.SandboxPost;
import fr.parvis.channels.sandbox.domain.SandboxPosts;
import fr.parvis.channels.spi.AccountContext;
import fr.parvis.channels.spi.AccountInfo;
import fr.parvis.channels.spi.ConnectFlow;
import fr.parvis.channels.spi.ConnectedAccount;
import fr.parvis.channels.spi.Connector;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.PublishedPost;
import fr.parvis.channels.spi.Publishing;
import fr.parvis.channels.spi.Credentials;
import fr.parvis.channels.spi.Network;
import fr.parvis.channels.spi.NetworkProfile;
import fr.parvis.channels.spi.PostDraft;
import fr.parvis.channels.spi.PublishLookup;
import fr.parvis.channels.spi.TextCounter;
import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.jobs.PublishingJobs;
import fr.parvis.publishing.jobs.ThreadJobs;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.test.IntegrationTest;
import fr.parvis.test.MutableClock;
import fr.parvis.test.TestTenants;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Threads on the Sandbox: a 3-part thread published as a reply chain after its post, each part
 * once with its own key; a node that dies while sending part 3 (before or after the network got it)
 * → the thread continues with part 3 only, read back first; threads refused where the network has
 * none; the bounds (26 parts, an empty part, a part too long).
 */
@IntegrationTest
@Import(ThreadIntegrationTests.NoThreadNetworks.class)
class ThreadIntegrationTests {

    /** A crash of the node in the middle of a call (the process dies: nothing catches it). */
    static final class SimulatedCrash extends Error {

        private static final long serialVersionUID = 1L;

        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    /** Two networks without threads: replies are comments (LinkedIn), no replies at all (Instagram). */
    @TestConfiguration
    static class NoThreadNetworks {

        @Bean
        Connector commentsOnlyConnector() {
            return new MinimalConnector(Network.LINKEDIN, true);
        }

        @Bean
        Connector noRepliesConnector() {
            return new MinimalConnector(Network.INSTAGRAM, false);
        }
    }

    /** A connector that connects in one click and publishes nothing: enough for the checks. */
    record MinimalConnector(Network network, boolean replies) implements Connector {

        @Override
        public NetworkProfile profile() {
            return new NetworkProfile(network, 500, TextCounter.CODE_POINTS, 4, 1_000_000, Set.of("image/png"), 500,
                    true, replies, Set.of(), Set.of(), null, "test");
        }

        @Override
        public AccountInfo describe(AccountContext account) {
            return new AccountInfo(account.externalId(), account.handle(), "Test", null, null, 1L);
        }

        @Override
        public java.util.Optional<Publishing> publishing() {
            return java.util.Optional.of(new Publishing() {
                @Override
                public PublishedPost publish(AccountContext account, PostDraft draft) {
                    throw ConnectorException.of(ConnectorException.Kind.UNSUPPORTED, "connector.unsupported",
                            network.name());
                }

                @Override
                public java.util.Optional<PublishedPost> read(AccountContext account, String postExternalId) {
                    return java.util.Optional.empty();
                }

                @Override
                public void delete(AccountContext account, String postExternalId) {
                }
            });
        }

        @Override
        public ConnectFlow connectFlow() {
            return (ConnectFlow.OneClick) (handle, displayName) -> new ConnectedAccount(
                    new AccountInfo("t-" + handle, handle, displayName, null, null, 1L), null,
                    Credentials.of("token-" + UUID.randomUUID()));
        }
    }

    @Autowired
    PublishingFixtures fixtures;

    @Autowired
    TestTenants tenants;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    PublishingJobs jobs;

    @Autowired
    ThreadJobs threadJobs;

    @Autowired
    SocialAccountManagement accounts;

    @Autowired
    NotificationManagement notifications;

    @Autowired
    SandboxPosts sandboxPosts;

    @Autowired
    MutableClock clock;

    @Autowired
    PlatformTransactionManager transactionManager;

    @MockitoSpyBean
    ChannelPublishing channels;

    /** The idempotency key on which the next publication crashes, and whether the network gets it first. */
    final AtomicReference<String> crashOn = new AtomicReference<>();

    volatile boolean crashAfterSending;

    @AfterEach
    void resetClock() {
        clock.reset();
        crashOn.set(null);
    }

    @Test
    void aThreePartThreadIsPublishedAsAReplyChainOncePerPart() {
        Team team = fixtures.team();
        PostView post = publishedThread(team, "Fil travaux A", 3);
        VariantView variant = post.variants().get(0);
        assertThat(variant.state()).isEqualTo(VariantState.PUBLISHED);
        assertThat(variant.thread()).extracting(ThreadPartView::state).containsOnly(ThreadPartState.PUBLISHED);
        assertThat(variant.thread()).extracting(ThreadPartView::number).containsExactly(1, 2, 3);
        assertThat(variant.thread()).allSatisfy(p -> {
            assertThat(p.externalId()).isNotBlank();
            assertThat(p.url()).startsWith("http");
        });

        List<SandboxPost> onNetwork = sandbox(team);
        assertThat(onNetwork).hasSize(4);
        SandboxPost main = byKey(onNetwork, variant.id().toString());
        assertThat(main.replyTo()).isNull();
        String previous = main.externalId();
        for (int n = 1; n <= 3; n++) {
            SandboxPost part = byKey(onNetwork, variant.id() + "-part-" + n);
            assertThat(part.text()).isEqualTo("Fil travaux A — partie " + n);
            assertThat(part.replyTo()).as("part %d answers the one before it", n).isEqualTo(previous);
            assertThat(part.externalId()).isEqualTo(variant.thread().get(n - 1).externalId());
            previous = part.externalId();
        }

        // more rounds of the jobs: nothing more on the network
        clock.advance(Duration.ofHours(1));
        jobs.dispatch();
        threadJobs.resume();
        assertThat(sandbox(team)).hasSize(4);

        // a published post is not editable any more, its thread neither
        assertThatThrownBy(() -> as(team.manager(), () -> publishing.update(post.id(), command(team.sandbox(),
                "Fil travaux A", 1, null)))).isInstanceOf(fr.parvis.shared.ConflictException.class);
    }

    @Test
    void aNodeDyingWhileSendingPart3BeforeTheNetworkGotItContinuesWithPart3Only() {
        Team team = fixtures.team();
        crashAfterSending = false;
        PostView post = crashOnPart3(team, "Fil travaux B");

        // the node is still alive (this JVM): the claim is left alone until it is older than any call
        clock.advance(Duration.ofMinutes(5));
        threadJobs.resume();
        assertThat(part(team, post, 3).state()).isEqualTo(ThreadPartState.SENDING);

        clock.advance(Duration.ofMinutes(30));
        threadJobs.resume();
        awaitPart(team, post, 3, ThreadPartState.PUBLISHED);
        ThreadPartView part3 = part(team, post, 3);
        assertThat(part3.resolvedBy()).as("sent again after the network proved it absent").isNull();
        assertOncePerPart(team, post, 3);
    }

    @Test
    void aNodeDyingAfterTheNetworkGotPart3ReadsItBackWithoutSendingItAgain() {
        Team team = fixtures.team();
        crashAfterSending = true;
        PostView post = crashOnPart3(team, "Fil travaux C");
        clock.advance(Duration.ofMinutes(35));
        threadJobs.resume();
        awaitPart(team, post, 3, ThreadPartState.PUBLISHED);
        assertThat(part(team, post, 3).resolvedBy()).isEqualTo("read-back");
        assertOncePerPart(team, post, 3);
    }

    @Test
    void aPartTheNetworkCannotTellAboutIsLeftForAPersonWhoSendsItAgain() {
        Team team = fixtures.team();
        crashAfterSending = false;
        PostView post = crashOnPart3(team, "Fil travaux G");
        UUID variantId = post.variants().get(0).id();
        doReturn(new PublishLookup.Unknown("test")).when(channels).lookup(any(),
                argThat(d -> d != null && (variantId + "-part-3").equals(d.idempotencyKey())), any());
        long before = as(team.manager(), () -> notifications.unreadCount());
        clock.advance(Duration.ofMinutes(35));
        threadJobs.resume();
        awaitPart(team, post, 3, ThreadPartState.OUTCOME_UNKNOWN);
        for (int i = 0; i < 50 && part(team, post, 3).resolvedBy() == null; i++) {
            sleep();
        }
        assertThat(part(team, post, 3).resolvedBy()).isEqualTo("read-back: unknown");
        assertThat(as(team.manager(), () -> notifications.unreadCount())).isEqualTo(before + 1);

        // left for a person: the jobs do nothing more
        clock.advance(Duration.ofMinutes(5));
        threadJobs.resume();
        assertThat(part(team, post, 3).state()).isEqualTo(ThreadPartState.OUTCOME_UNKNOWN);
        assertThat(sandbox(team)).hasSize(3);

        // the person checked: it is not online, it goes out again, once
        as(team.manager(), () -> publishing.resolveThreadPart(post.id(), variantId, 3, false, null));
        assertThatThrownBy(() -> as(team.manager(), () -> publishing.resolveThreadPart(post.id(), variantId, 3, false,
                null))).isInstanceOf(fr.parvis.shared.ConflictException.class);
        assertThatThrownBy(() -> as(team.manager(), () -> publishing.resolveThreadPart(post.id(), variantId, 9, false,
                null))).isInstanceOf(fr.parvis.shared.NotFoundException.class);
        clock.advance(Duration.ofMinutes(2));
        threadJobs.resume();
        awaitPart(team, post, 3, ThreadPartState.PUBLISHED);
        assertOncePerPart(team, post, 3);
    }

    @Test
    void aRefusedPartStopsTheThreadAndTellsTheAuthor() {
        Team team = fixtures.team();
        PostView post = tenants.as(team.manager(), () -> publishing.create(command(team.sandbox(), "Fil travaux D", 3,
                clock.instant().plus(Duration.ofHours(1)))));
        UUID variantId = post.variants().get(0).id();
        approve(team, post);
        doAnswer(invocation -> {
            PostDraft draft = invocation.getArgument(1);
            if ((variantId + "-part-2").equals(draft.idempotencyKey())) {
                throw fr.parvis.channels.spi.ConnectorException.of(
                        fr.parvis.channels.spi.ConnectorException.Kind.INVALID_REQUEST, "connector.invalidRequest",
                        "test");
            }
            return invocation.callRealMethod();
        }).when(channels).publish(any(), any());
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        jobs.dispatch();
        awaitPart(team, post, 2, ThreadPartState.FAILED);
        VariantView variant = as(team.manager(), () -> publishing.get(post.id())).variants().get(0);
        assertThat(variant.state()).isEqualTo(VariantState.PUBLISHED);
        assertThat(variant.thread()).extracting(ThreadPartView::state).containsExactly(ThreadPartState.PUBLISHED,
                ThreadPartState.FAILED, ThreadPartState.PENDING);
        assertThat(variant.thread().get(1).errorKey()).isEqualTo("connector.invalidRequest");
        assertThat(as(team.manager(), () -> notifications.unreadCount())).isGreaterThanOrEqualTo(1);
        clock.advance(Duration.ofHours(1));
        threadJobs.resume();
        assertThat(sandbox(team)).as("the post and part 1 only").hasSize(2);
    }

    @Test
    void threadsAreRefusedWhereTheNetworkHasNone() {
        Team team = fixtures.team();
        UUID linkedin = tenants.as(team.admin(), () -> accounts.connectOneClick(Network.LINKEDIN,
                "ville-" + UUID.randomUUID().toString().substring(0, 6), null, "Habitants")).id();
        UUID instagram = tenants.as(team.admin(), () -> accounts.connectOneClick(Network.INSTAGRAM,
                "ville-" + UUID.randomUUID().toString().substring(0, 6), null, "Habitants")).id();

        PostView onLinkedin = as(team.manager(), () -> publishing.create(command(linkedin, "Fil réseau E", 2, null)));
        CheckReport report = as(team.manager(), () -> publishing.check(onLinkedin.id()));
        assertThat(report.errors()).extracting(CheckFinding::messageKey).contains("check.thread.commentsOnly");
        assertThatThrownBy(() -> as(team.manager(), () -> publishing.submit(onLinkedin.id(), Set.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("messageKey", "publishing.checks.errors");

        PostView onInstagram = as(team.manager(), () -> publishing.create(command(instagram, "Fil réseau F", 1, null)));
        assertThat(as(team.manager(), () -> publishing.check(onInstagram.id())).errors())
                .extracting(CheckFinding::messageKey).contains("check.thread.unsupported");

        // the first comment stays possible where replies are comments
        PostView comment = as(team.manager(), () -> publishing.create(new PostCommand(null, "Conseil municipal jeudi.",
                null, null, false, null, List.of(new PostCommand.VariantCommand(linkedin, null,
                        "Ordre du jour sur le site.", List.of())))));
        assertThat(as(team.manager(), () -> publishing.check(comment.id())).errors()).isEmpty();
    }

    @Test
    void boundsGiveClearErrorsAndWriteNothing() {
        Team team = fixtures.team();
        assertThatThrownBy(() -> as(team.manager(), () -> publishing.create(command(team.sandbox(), "Trop long", 26,
                null)))).hasMessageNotContaining("NullPointer")
                .satisfies(e -> assertThat(e).isInstanceOfAny(InvalidInputException.class,
                        jakarta.validation.ConstraintViolationException.class));
        List<PostCommand.ThreadPartCommand> withEmpty = List.of(new PostCommand.ThreadPartCommand("Une partie", null),
                new PostCommand.ThreadPartCommand("   ", List.of()));
        assertThatThrownBy(() -> as(team.manager(), () -> publishing.create(new PostCommand(null, "Fil vide", null,
                null, false, null, List.of(new PostCommand.VariantCommand(team.sandbox(), null, null, List.of(),
                        withEmpty))))))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("messageKey", "publishing.thread.partEmpty");
        assertThatThrownBy(() -> as(team.manager(), () -> publishing.create(new PostCommand(null, "Fil et commentaire",
                null, null, false, null, List.of(new PostCommand.VariantCommand(team.sandbox(), null, "Commentaire",
                        List.of(), List.of(new PostCommand.ThreadPartCommand("Partie", null))))))))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("messageKey", "publishing.thread.withFirstComment");
        assertThat(as(team.manager(), () -> publishing.list(PostFilter.all(), 0, 50))).as("nothing written").isEmpty();

        List<PostCommand.ThreadPartCommand> tooLong = List.of(new PostCommand.ThreadPartCommand("Court", null),
                new PostCommand.ThreadPartCommand("x".repeat(2010), null));
        PostView draft = as(team.manager(), () -> publishing.create(new PostCommand(null, "Fil long", null, null, false,
                null, List.of(new PostCommand.VariantCommand(team.sandbox(), null, null, List.of(), tooLong)))));
        CheckReport report = as(team.manager(), () -> publishing.check(draft.id()));
        assertThat(report.errors()).singleElement().satisfies(f -> {
            assertThat(f.messageKey()).isEqualTo("check.thread.partTooLong");
            assertThat(f.arguments()).containsExactly(2, "Sandbox @" + handle(draft), 10, 2000);
        });
        assertThat(draft.variants().get(0).thread().get(1).tooLong()).isTrue();

        // editing the draft edits its thread: in place, shorter, reordered
        PostView edited = as(team.manager(), () -> publishing.update(draft.id(), new PostCommand(null, "Fil long",
                null, null, false, null, List.of(new PostCommand.VariantCommand(team.sandbox(), null, null, List.of(),
                        List.of(new PostCommand.ThreadPartCommand("Deuxième devenue première", null),
                                new PostCommand.ThreadPartCommand("Court", null),
                                new PostCommand.ThreadPartCommand("Troisième", null)))))));
        assertThat(edited.variants().get(0).thread()).extracting(ThreadPartView::text)
                .containsExactly("Deuxième devenue première", "Court", "Troisième");
        PostView shorter = as(team.manager(), () -> publishing.update(draft.id(), command(team.sandbox(), "Fil long", 1,
                null)));
        assertThat(shorter.variants().get(0).thread()).extracting(ThreadPartView::text)
                .containsExactly("Fil long — partie 1");
        assertThat(as(team.manager(), () -> publishing.check(draft.id())).errors()).isEmpty();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private String handle(PostView post) {
        String handle = post.variants().get(0).handle();
        return handle.startsWith("@") ? handle.substring(1) : handle;
    }

    /** Creates, approves and publishes a post with a thread of {@code parts} parts on the team's Sandbox. */
    private PostView publishedThread(Team team, String text, int parts) {
        PostView post = as(team.manager(), () -> publishing.create(command(team.sandbox(), text, parts,
                clock.instant().plus(Duration.ofHours(1)))));
        approve(team, post);
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        jobs.dispatch();
        for (int i = 0; i < 50; i++) {
            PostView now = as(team.manager(), () -> publishing.get(post.id()));
            if (now.variants().get(0).threadPublished() == parts) {
                return now;
            }
            sleep();
        }
        return as(team.manager(), () -> publishing.get(post.id()));
    }

    private PostView crashOnPart3(Team team, String text) {
        PostView post = as(team.manager(), () -> publishing.create(command(team.sandbox(), text, 3,
                clock.instant().plus(Duration.ofHours(1)))));
        UUID variantId = post.variants().get(0).id();
        crashOn.set(variantId + "-part-3");
        doAnswer(invocation -> {
            PostDraft draft = invocation.getArgument(1);
            String key = crashOn.get();
            if (key != null && key.equals(draft.idempotencyKey()) && crashOn.compareAndSet(key, null)) {
                if (crashAfterSending) {
                    invocation.callRealMethod();
                }
                throw new SimulatedCrash();
            }
            return invocation.callRealMethod();
        }).when(channels).publish(any(), any());
        approve(team, post);
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        try {
            jobs.dispatch();
        } catch (SimulatedCrash expected) {
            // the node died here
        }
        awaitPart(team, post, 3, ThreadPartState.SENDING);
        assertThat(crashOn.get()).as("the crash happened").isNull();
        VariantView variant = as(team.manager(), () -> publishing.get(post.id())).variants().get(0);
        assertThat(variant.thread()).extracting(ThreadPartView::state).containsExactly(ThreadPartState.PUBLISHED,
                ThreadPartState.PUBLISHED, ThreadPartState.SENDING);
        assertThat(sandbox(team)).hasSize(crashAfterSending ? 4 : 3);
        return post;
    }

    private void assertOncePerPart(Team team, PostView post, int parts) {
        VariantView variant = as(team.manager(), () -> publishing.get(post.id())).variants().get(0);
        List<SandboxPost> onNetwork = sandbox(team);
        assertThat(onNetwork).hasSize(parts + 1);
        String previous = byKey(onNetwork, variant.id().toString()).externalId();
        for (int n = 1; n <= parts; n++) {
            SandboxPost part = byKey(onNetwork, variant.id() + "-part-" + n);
            assertThat(part.replyTo()).isEqualTo(previous);
            assertThat(variant.thread().get(n - 1).externalId()).isEqualTo(part.externalId());
            previous = part.externalId();
        }
    }

    private void approve(Team team, PostView post) {
        as(team.manager(), () -> publishing.submit(post.id(), Set.of()));
        as(team.elu(), () -> publishing.approve(post.id(), null));
    }

    private static PostCommand command(UUID account, String text, int parts, Instant at) {
        List<PostCommand.ThreadPartCommand> thread = new java.util.ArrayList<>();
        for (int n = 1; n <= parts; n++) {
            thread.add(new PostCommand.ThreadPartCommand(text + " — partie " + n, null));
        }
        return new PostCommand(null, text + " : la publication", null, null, false, at,
                List.of(new PostCommand.VariantCommand(account, null, null, List.of(), thread)));
    }

    private ThreadPartView part(Team team, PostView post, int number) {
        return as(team.manager(), () -> publishing.get(post.id())).variants().get(0).thread().get(number - 1);
    }

    private void awaitPart(Team team, PostView post, int number, ThreadPartState state) {
        for (int i = 0; i < 100 && part(team, post, number).state() != state; i++) {
            sleep();
        }
        assertThat(part(team, post, number).state()).isEqualTo(state);
    }

    /** The publications of the team's Sandbox made by Parvis (with an idempotency key). */
    private List<SandboxPost> sandbox(Team team) {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        return tenants.as(team.admin(), () -> tx.execute(status -> sandboxPosts.findAll().stream()
                .filter(p -> p.status() == SandboxPost.Status.PUBLISHED && p.idempotencyKey() != null)
                .sorted(Comparator.comparing(SandboxPost::seq)).toList()));
    }

    private static SandboxPost byKey(List<SandboxPost> posts, String key) {
        List<SandboxPost> found = posts.stream().filter(p -> key.equals(p.idempotencyKey())).toList();
        assertThat(found).as("published once: " + key).hasSize(1);
        return found.get(0);
    }

    private <T> T as(TestTenants.Agent agent, Supplier<T> work) {
        return tenants.as(agent, work);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
