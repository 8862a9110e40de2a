package fr.parvis.channels.sandbox;

import fr.parvis.channels.SandboxHistoryReport;
import fr.parvis.channels.domain.SocialAccount;
import fr.parvis.channels.domain.SocialAccounts;
import fr.parvis.channels.sandbox.domain.SandboxAccount;
import fr.parvis.channels.sandbox.domain.SandboxAccounts;
import fr.parvis.channels.spi.Interaction;
import fr.parvis.channels.spi.InteractionType;
import fr.parvis.channels.spi.Network;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.NotFoundException;
import fr.parvis.shared.Texts;
import fr.parvis.shared.tenancy.CrossTenant;
import fr.parvis.shared.tenancy.Tenancy;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the past of a new Sandbox account in bulk: a few months of posts with what the audience
 * did on them, mentions, messages and the follower curve, on the network side and, as if Parvis
 * had read them all along, in Parvis's copies (channels posts and interactions, with the account's
 * cursors at the end). Used by the demo: generating this through the sync would take minutes.
 * The history is the one the simulation would have produced (same seed, same functions), so the
 * simulation task continues it seamlessly.
 */
@Component
@CrossTenant("Bulk inserts (JDBC batches) with the current collectivité written explicitly on every row")
public class SandboxHistory {

    private static final Logger log = LoggerFactory.getLogger(SandboxHistory.class);

    private final SandboxAccounts sandboxAccounts;
    private final SocialAccounts socialAccounts;
    private final SandboxSimulation simulation;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SandboxHistory(SandboxAccounts sandboxAccounts, SocialAccounts socialAccounts, SandboxSimulation simulation,
            JdbcTemplate jdbc, Clock clock) {
        this.sandboxAccounts = sandboxAccounts;
        this.socialAccounts = socialAccounts;
        this.simulation = simulation;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Gives the Sandbox social account {@code socialAccountId} (of the current collectivité) a
     * history of {@code days} days, starting from {@code baseFollowers}. Only for an account that
     * has not published nor received anything yet.
     */
    @Transactional
    public SandboxHistoryReport write(UUID socialAccountId, int days, long baseFollowers) {
        long started = System.nanoTime();
        UUID tenant = Tenancy.require().value();
        SocialAccount social = socialAccounts.findById(socialAccountId)
                .orElseThrow(() -> new NotFoundException("account.notFound"));
        if (social.network() != Network.SANDBOX) {
            throw new InvalidInputException("sandbox.audience.notSandbox", "accountId", social.handle());
        }
        SandboxAccount account = sandboxAccounts.lockById(sandboxId(social))
                .orElseThrow(() -> new InvalidInputException("sandbox.audience.notSandbox", "accountId",
                        social.handle()));
        if (account.nextPostSeq() != 1 || account.nextInteractionSeq() != 1) {
            throw new InvalidInputException("sandbox.history.notEmpty", "accountId", account.handle());
        }
        Instant now = clock.instant();
        Instant start = now.minus(Duration.ofDays(days));
        Instant opened = start.minus(Duration.ofDays(1));
        SandboxCorpus.Theme theme = SandboxCorpus.Theme.valueOf(account.theme());
        long seed = account.seed();

        List<SandboxSimulation.HistoryPost> history = simulation.history(seed, theme, account.handle(), start, now);
        List<Object[]> postRows = new ArrayList<>();
        List<Object[]> channelPostRows = new ArrayList<>();
        List<SandboxSimulation.Event> events = new ArrayList<>();
        Map<String, long[]> counts = new HashMap<>();
        long seq = 1;
        for (SandboxSimulation.HistoryPost post : history) {
            String externalId = "p" + seq;
            SandboxSimulation.Post ref = new SandboxSimulation.Post(seq, externalId, post.at(), null);
            long followers = simulation.followers(seed, baseFollowers, opened, post.at());
            long[] count = new long[3];
            for (SandboxSimulation.Event event : simulation.lifeOf(seed, followers, account.handle(), ref)) {
                if (!event.at().isAfter(now)) {
                    events.add(event);
                    count[event.type() == InteractionType.REACTION ? 0 : event.type() == InteractionType.SHARE ? 2
                            : 1]++;
                }
            }
            counts.put(externalId, count);
            postRows.add(new Object[] {UUID.randomUUID(), 0L, ts(now), ts(now), tenant, account.id(), seq, externalId,
                    post.text(), null, null, null, "fr", null, "PUBLISHED", null, ts(post.at()), null});
            channelPostRows.add(new Object[] {UUID.randomUUID(), 0L, ts(now), ts(now), tenant, social.id(), externalId,
                    SandboxNetwork.postUrl(account, externalId).toString(), post.text(), ts(post.at()), "NETWORK",
                    count[0], count[1], count[2], ts(now)});
            seq++;
        }
        events.addAll(simulation.ambient(seed, account.handle(), start, now));
        events.sort(SandboxSimulation.ORDER);

        List<Object[]> interactionRows = new ArrayList<>();
        List<Object[]> channelInteractionRows = new ArrayList<>();
        long interactionSeq = 1;
        long storing = 0;
        for (SandboxSimulation.Event event : events) {
            String text = Texts.abbreviate(event.text(), SandboxNetwork.MAX_INTERACTION_TEXT);
            interactionRows.add(new Object[] {UUID.randomUUID(), 0L, ts(now), ts(now), tenant, account.id(),
                    interactionSeq, event.externalId(), event.type().name(), event.category(), "SIMULATION",
                    event.postExternalId(), event.parentId(), event.authorHandle(), event.authorName(), text,
                    ts(event.at())});
            Interaction view = SandboxNetwork.view(account, new fr.parvis.channels.sandbox.domain.SandboxInteraction(
                    account.id(), interactionSeq, event.externalId(), event.type(), event.category(),
                    fr.parvis.channels.sandbox.domain.SandboxInteraction.Origin.SIMULATION, event.postExternalId(),
                    event.parentId(), event.authorHandle(), event.authorName(), text, event.at()));
            channelInteractionRows.add(new Object[] {UUID.randomUUID(), 0L, ts(now), ts(now), tenant, social.id(),
                    view.externalId(), view.type().name(), view.postExternalId(), view.parentExternalId(),
                    view.author().externalId(), view.author().handle(), view.author().displayName(), view.text(),
                    ts(view.createdAt()), view.url() == null ? null : view.url().toString(), view.raw()});
            interactionSeq++;
            if (interactionRows.size() == CHUNK) {
                storing += storeInteractions(interactionRows, channelInteractionRows);
            }
        }

        List<Object[]> sampleRows = new ArrayList<>();
        LocalDate firstDay = start.atZone(SandboxSimulation.LOCAL).toLocalDate();
        LocalDate lastDay = now.atZone(SandboxSimulation.LOCAL).toLocalDate();
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            Instant noon = day.atTime(12, 0).atZone(SandboxSimulation.LOCAL).toInstant();
            Instant at = noon.isAfter(now) ? now : noon;
            sampleRows.add(new Object[] {UUID.randomUUID(), 0L, ts(now), ts(now), tenant, account.id(), day,
                    simulation.followers(seed, baseFollowers, opened, at)});
        }

        long generated = System.nanoTime();
        jdbc.batchUpdate("""
                INSERT INTO sandbox_post (id, version, created_at, updated_at, collectivite_id, account_id, seq,
                    external_id, text, link, reply_to, images, language, idempotency_key, status, scheduled_at,
                    published_at, deleted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", postRows,
                types(U, L, T, T, U, U, L, S, S, S, S, S, S, S, S, T, T, T));
        jdbc.batchUpdate("""
                INSERT INTO sandbox_follower_sample (id, version, created_at, updated_at, collectivite_id, account_id,
                    sample_day, followers) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", sampleRows,
                types(U, L, T, T, U, U, Types.DATE, L));
        jdbc.batchUpdate("""
                INSERT INTO channels_post (id, version, created_at, updated_at, collectivite_id, account_id,
                    external_id, url, text, published_at, origin, reactions, comments, shares, metrics_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", channelPostRows,
                types(U, L, T, T, U, U, S, S, S, T, S, L, L, L, T));
        storeInteractions(interactionRows, channelInteractionRows);

        log.info("Sandbox history of @{}: {} posts and {} interactions generated in {} ms, stored in {} ms",
                account.handle(), postRows.size(), events.size(), (generated - started - storing) / 1_000_000,
                (System.nanoTime() - generated + storing) / 1_000_000);
        account.historyWritten(seq, interactionSeq, now, opened, baseFollowers);
        long followersNow = simulation.followers(seed, baseFollowers, opened, now);
        social.synced(now, String.valueOf(seq - 1), String.valueOf(interactionSeq - 1), followersNow);
        return new SandboxHistoryReport(postRows.size(), events.size(), sampleRows.size());
    }

    /** Interactions are written by chunks of this many rows, to keep the memory used low. */
    static final int CHUNK = 1000;

    /** Writes the pending interaction rows (network side and Parvis's copies), empties them; returns nanoseconds. */
    private long storeInteractions(List<Object[]> interactionRows, List<Object[]> channelInteractionRows) {
        long begin = System.nanoTime();
        if (!interactionRows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO sandbox_interaction (id, version, created_at, updated_at, collectivite_id, account_id,
                        seq, external_id, type, category, origin, post_external_id, parent_id, author_handle,
                        author_name, text, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    interactionRows, types(U, L, T, T, U, U, L, S, S, S, S, S, S, S, S, S, T));
            jdbc.batchUpdate("""
                    INSERT INTO channels_interaction (id, version, created_at, updated_at, collectivite_id, account_id,
                        external_id, type, post_external_id, parent_external_id, author_external_id, author_handle,
                        author_name, text, occurred_at, url, raw)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", channelInteractionRows,
                    types(U, L, T, T, U, U, S, S, S, S, S, S, S, S, T, S, S));
        }
        interactionRows.clear();
        channelInteractionRows.clear();
        return System.nanoTime() - begin;
    }

    private static UUID sandboxId(SocialAccount social) {
        try {
            return UUID.fromString(social.externalId());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("sandbox.audience.notSandbox", "accountId", social.handle());
        }
    }

    /** SQL types of the batch parameters (given, so the driver is not asked for each null). */
    private static final int U = Types.OTHER;
    private static final int L = Types.BIGINT;
    private static final int T = Types.TIMESTAMP_WITH_TIMEZONE;
    private static final int S = Types.VARCHAR;

    private static int[] types(int... types) {
        return types;
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
