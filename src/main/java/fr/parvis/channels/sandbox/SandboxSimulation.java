package fr.parvis.channels.sandbox;

import fr.parvis.channels.spi.InteractionType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The simulated audience, as pure functions of a seed and of time (no state, no clock): what each
 * post receives over its life, the mentions and private messages of each hour, the follower
 * curve, the posts of a demo history. Asking twice for the same period gives the same events, in
 * the same order, with the same ids: the network side stores each event once, whatever the
 * rhythm of the simulation task.
 *
 * <p>Engagement follows a decay curve: a post gets most of its reactions, shares and comments in
 * its first hours (exponential delays, mean 3 h, for 80 % of them), then a long tail (mean 2 days),
 * and nothing after {@link #ENGAGEMENT_WINDOW}.
 */
public final class SandboxSimulation {

    /** A post stops receiving simulated interactions after this. */
    public static final Duration ENGAGEMENT_WINDOW = Duration.ofDays(14);

    static final ZoneId LOCAL = ZoneId.of("Europe/Paris");

    private static final Duration FAST_MEAN = Duration.ofHours(3);
    private static final Duration SLOW_MEAN = Duration.ofDays(2);
    private static final double FAST_SHARE = 0.8;

    /** An interaction the audience makes. */
    public record Event(String externalId, InteractionType type, String category, String postExternalId,
            String parentId, String authorHandle, String authorName, String text, Instant at) {
    }

    /** What the simulation needs to know of a post. */
    public record Post(long seq, String externalId, Instant publishedAt, Instant deletedAt) {
    }

    /** A post of a demo history. */
    public record HistoryPost(Instant at, String text) {
    }

    private final SandboxCorpus corpus;

    public SandboxSimulation(SandboxCorpus corpus) {
        this.corpus = corpus;
    }

    public SandboxCorpus corpus() {
        return corpus;
    }

    /** Everything the audience does after {@code from} and until {@code to} (included), in time order. */
    public List<Event> between(long seed, long followers, String account, List<Post> posts, Instant from, Instant to) {
        List<Event> events = new ArrayList<>();
        for (Post post : posts) {
            for (Event event : lifeOf(seed, followers, account, post)) {
                if (event.at().isAfter(from) && !event.at().isAfter(to)) {
                    events.add(event);
                }
            }
        }
        events.addAll(ambient(seed, account, from, to));
        events.sort(ORDER);
        return events;
    }

    static final Comparator<Event> ORDER = Comparator.comparing(Event::at).thenComparing(Event::externalId);

    /**
     * All the interactions a post receives in its life (reactions, shares, comments and replies
     * between citizens), in time order; none after its deletion.
     */
    public List<Event> lifeOf(long seed, long followers, String account, Post post) {
        Random random = new Random(mix(seed, post.seq()));
        double appeal = Math.exp(random.nextGaussian() * 0.6);
        long audience = Math.max(20, followers);
        int reactions = (int) Math.min(80, Math.round(audience * 0.008 * appeal));
        int shares = (int) Math.round(reactions * (0.1 + 0.15 * random.nextDouble()));
        int comments = (int) Math.min(25, Math.round(1 + audience * 0.003 * appeal + random.nextInt(3)));
        List<Event> events = new ArrayList<>();
        String id = post.externalId();
        for (int k = 0; k < reactions; k++) {
            SandboxCorpus.Person who = corpus.person(random);
            events.add(new Event("l" + post.seq() + "-" + k, InteractionType.REACTION, null, id, id, who.handle(),
                    who.name(), null, post.publishedAt().plus(delay(random))));
        }
        for (int k = 0; k < shares; k++) {
            SandboxCorpus.Person who = corpus.person(random);
            events.add(new Event("s" + post.seq() + "-" + k, InteractionType.SHARE, null, id, id, who.handle(),
                    who.name(), null, post.publishedAt().plus(delay(random))));
        }
        for (int k = 0; k < comments; k++) {
            SandboxCorpus.Person who = corpus.person(random);
            SandboxCorpus.Category category = corpus.category(random);
            String text = corpus.comment(category, random, account);
            Instant at = post.publishedAt().plus(delay(random));
            String commentId = "c" + post.seq() + "-" + k;
            events.add(new Event(commentId, InteractionType.COMMENT, category.name(), id, id, who.handle(), who.name(),
                    text, at));
            if (random.nextInt(100) < 25) {
                SandboxCorpus.Person other = corpus.person(random);
                String reply = corpus.reply(random, account);
                Instant replyAt = at.plus(exponential(random, Duration.ofHours(2)));
                events.add(new Event("r" + post.seq() + "-" + k, InteractionType.REPLY, "REPLY", id, commentId,
                        other.handle(), other.name(), reply, replyAt));
            }
        }
        Instant end = post.publishedAt().plus(ENGAGEMENT_WINDOW);
        Instant deleted = post.deletedAt();
        List<Event> alive = new ArrayList<>();
        for (Event event : events) {
            if (event.at().isBefore(end) && (deleted == null || event.at().isBefore(deleted))) {
                alive.add(event);
            }
        }
        alive.sort(ORDER);
        return alive;
    }

    /** Mentions and private messages after {@code from} and until {@code to}, more by day than by night. */
    public List<Event> ambient(long seed, String account, Instant from, Instant to) {
        List<Event> events = new ArrayList<>();
        long firstHour = Math.floorDiv(from.getEpochSecond(), 3600);
        long lastHour = Math.floorDiv(to.getEpochSecond(), 3600);
        for (long hour = firstHour; hour <= lastHour; hour++) {
            Random random = new Random(mix(seed, -hour - 1));
            Instant start = Instant.ofEpochSecond(hour * 3600);
            int local = start.atZone(LOCAL).getHour();
            double activity = local < 7 ? 0.15 : local >= 22 ? 0.4 : 1.0;
            if (random.nextDouble() < 0.10 * activity) {
                SandboxCorpus.Person who = corpus.person(random);
                events.add(new Event("m" + hour, InteractionType.MENTION, "MENTION", null, null, who.handle(),
                        who.name(), corpus.mention(random, account), start.plusSeconds(random.nextInt(3600))));
            }
            if (random.nextDouble() < 0.06 * activity) {
                SandboxCorpus.Person who = corpus.person(random);
                events.add(new Event("d" + hour, InteractionType.DIRECT_MESSAGE, "DIRECT_MESSAGE", null, null,
                        who.handle(), who.name(), corpus.directMessage(random, account),
                        start.plusSeconds(random.nextInt(3600))));
            }
        }
        events.removeIf(e -> !e.at().isAfter(from) || e.at().isAfter(to));
        events.sort(ORDER);
        return events;
    }

    /**
     * Followers at {@code at}: {@code base} when the account opened, then a daily net gain (new
     * followers minus a few departures) drawn from the seed, interpolated within the day.
     */
    public long followers(long seed, long base, Instant openedAt, Instant at) {
        if (!at.isAfter(openedAt)) {
            return base;
        }
        long seconds = Duration.between(openedAt, at).getSeconds();
        long days = seconds / 86_400;
        long count = base;
        long gain = 0;
        for (long day = 0; day <= days; day++) {
            gain = dailyGain(seed, base, day);
            if (day < days) {
                count += gain;
            }
        }
        long within = seconds % 86_400;
        return Math.max(0, count + Math.round(gain * (within / 86_400.0)));
    }

    private static long dailyGain(long seed, long base, long day) {
        Random random = new Random(mix(seed, 1_000_000_000L + day));
        double mean = 1.5 + base * 0.003;
        return Math.round(Math.max(-2, mean + random.nextGaussian() * (1 + mean / 2)));
    }

    /**
     * Posts of a demo history from {@code from} (included) to {@code to} (excluded): most days one
     * post, some two, some none, in office hours.
     */
    public List<HistoryPost> history(long seed, SandboxCorpus.Theme theme, String account, Instant from, Instant to) {
        List<HistoryPost> posts = new ArrayList<>();
        LocalDate first = from.atZone(LOCAL).toLocalDate();
        LocalDate last = to.atZone(LOCAL).toLocalDate();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Random random = new Random(mix(seed, 2_000_000_000L + day.toEpochDay()));
            int draw = random.nextInt(100);
            int count = draw < 20 ? 0 : draw < 80 ? 1 : 2;
            for (int i = 0; i < count; i++) {
                ZonedDateTime at = day.atTime(8 + random.nextInt(11), random.nextInt(60)).atZone(LOCAL);
                String text = corpus.post(theme, random, account);
                Instant instant = at.toInstant();
                if (!instant.isBefore(from) && instant.isBefore(to)) {
                    posts.add(new HistoryPost(instant.truncatedTo(ChronoUnit.SECONDS), text));
                }
            }
        }
        posts.sort(Comparator.comparing(HistoryPost::at));
        return posts;
    }

    /** A delay on the decay curve: mostly within hours, a long tail over days. */
    static Duration delay(Random random) {
        return exponential(random, random.nextDouble() < FAST_SHARE ? FAST_MEAN : SLOW_MEAN);
    }

    private static Duration exponential(Random random, Duration mean) {
        double u = random.nextDouble();
        long seconds = Math.round(-Math.log(1 - u) * mean.getSeconds());
        return Duration.ofSeconds(Math.max(30, seconds));
    }

    /** Combines a seed and a number into a well-spread seed (SplitMix64 finaliser). */
    public static long mix(long seed, long value) {
        long z = seed * 0x9E3779B97F4A7C15L + value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
