package fr.parvis.publishing;

import fr.parvis.channels.PublishingTarget;
import fr.parvis.channels.spi.Network;
import fr.parvis.publishing.domain.Posts;
import fr.parvis.publishing.domain.Variants;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.NotFoundException;
import fr.parvis.territory.Permission;
import fr.parvis.territory.access.Actors;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the composer suggests after a hash sign or an at sign typed: the hashtags and mentions
 * already written in the current collectivité's posts (messages, own texts, first comments),
 * ranked by the number of posts using them then by the latest use, and the handles of the
 * collectivité's own accounts. Hashtags are given in their CamelCase spelling when one was
 * written (screen readers read {@code #FeteDeLaMusique} word by word). For the variant of an
 * account, only mentions in that network's format are given (Mastodon {@code @user@instance},
 * Bluesky {@code @name.domain}, a plain {@code @name} elsewhere). Only this collectivité's posts
 * are read (the repositories are tenant-scoped); the most recent posts only, so the cost is bounded.
 */
@Service
@Transactional(readOnly = true)
public class TagSuggestions {

    /** The longest query, sigil included. */
    public static final int MAX_QUERY = 100;

    /** The most suggestions given. */
    public static final int MAX_RESULTS = 8;

    /** How many of the latest messages and variants are read. */
    static final int SCANNED = 500;

    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&/#])#([\\p{L}\\p{N}_]{1,100})");
    private static final Pattern MENTION = Pattern.compile(
            "(?<![\\p{L}\\p{N}_/.@])@([A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,98}[A-Za-z0-9_])?"
                    + "(?:@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})+)?)");
    private static final Pattern QUERY = Pattern.compile("[#@][\\p{L}\\p{N}_.@-]*");

    /** A suggestion. */
    public enum Kind {
        HASHTAG, MENTION
    }

    /** The format of a mention. */
    enum MentionFormat {
        /** {@code @user@instance} (Mastodon and the fediverse). */
        FEDIVERSE,
        /** {@code @name.domain} (Bluesky). */
        DOMAIN,
        /** {@code @name} (the other networks). */
        PLAIN
    }

    /**
     * One suggestion.
     *
     * @param value what is inserted, sigil included
     * @param uses how many of the read posts use it (0 for an own account never mentioned)
     * @param lastUsed the latest change of a post using it, {@code null} when never used
     * @param ownAccount the handle of one of the collectivité's accounts
     * @param network the network of an own account, {@code null} otherwise
     */
    public record Suggestion(String value, Kind kind, int uses, Instant lastUsed, boolean ownAccount,
            Network network) {
    }

    private final Posts posts;
    private final Variants variants;
    private final PublishingManagement publishing;

    TagSuggestions(Posts posts, Variants variants, PublishingManagement publishing) {
        this.posts = posts;
        this.variants = variants;
        this.publishing = publishing;
    }

    /**
     * Suggestions for {@code query} (a hash sign or an at sign then the start of the word).
     *
     * @param accountId the account whose variant is typed, {@code null} for the common message;
     *     an account of another collectivité is not found
     */
    public List<Suggestion> suggest(String query, UUID accountId) {
        Actors.require(Permission.POSTS_WRITE);
        if (query == null || query.isEmpty() || query.length() > MAX_QUERY) {
            throw new InvalidInputException("publishing.suggestions.query", "q", MAX_QUERY);
        }
        List<PublishingTarget> targets = publishing.targets();
        Network network = null;
        if (accountId != null) {
            network = targets.stream().filter(t -> t.accountId().equals(accountId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("publishing.suggestions.account")).network();
        }
        if (!QUERY.matcher(query).matches()) {
            return List.of(); // a character no hashtag nor mention holds
        }
        Kind kind = query.charAt(0) == '#' ? Kind.HASHTAG : Kind.MENTION;
        String prefix = fold(query.substring(1));
        Map<String, Tally> tallies = new HashMap<>();
        for (Object[] row : posts.textsWithTags(PageRequest.of(0, SCANNED))) {
            collect((String) row[0], null, (Instant) row[1], kind, tallies);
        }
        for (Object[] row : variants.textsWithTags(PageRequest.of(0, SCANNED))) {
            String text = ((row[0] == null ? "" : (String) row[0]) + "\n" + (row[1] == null ? "" : (String) row[1]));
            collect(text, (Network) row[2], (Instant) row[3], kind, tallies);
        }
        if (kind == Kind.MENTION) {
            for (PublishingTarget target : targets) {
                String handle = handle(target);
                if (handle != null) {
                    Tally tally = tallies.computeIfAbsent(fold(handle.substring(1)), k -> new Tally());
                    tally.spell(handle);
                    tally.own = target.network();
                    tally.networks.add(target.network());
                }
            }
        }
        Network only = network;
        return tallies.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .filter(e -> kind == Kind.HASHTAG || only == null || e.getValue().fits(only))
                .map(e -> e.getValue().suggestion(kind))
                .sorted(Comparator.comparingInt(Suggestion::uses).reversed()
                        .thenComparing(Suggestion::lastUsed, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(Suggestion::ownAccount, Comparator.reverseOrder())
                        .thenComparing(s -> s.value().toLowerCase(Locale.ROOT)))
                .limit(MAX_RESULTS)
                .toList();
    }

    private static void collect(String text, Network network, Instant at, Kind kind,
            Map<String, Tally> tallies) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Matcher m = (kind == Kind.HASHTAG ? HASHTAG : MENTION).matcher(text);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (m.find()) {
            String word = m.group(1);
            if (kind == Kind.HASHTAG && word.chars().noneMatch(Character::isLetter)) {
                continue; // #2026 is no hashtag on most networks
            }
            String key = fold(word);
            Tally tally = tallies.computeIfAbsent(key, k -> new Tally());
            tally.spell((kind == Kind.HASHTAG ? "#" : "@") + word);
            if (network != null) {
                tally.networks.add(network);
            }
            if (seen.add(key)) { // a post counts once
                tally.uses++;
                if (at != null && (tally.last == null || at.isAfter(tally.last))) {
                    tally.last = at;
                }
            }
        }
    }

    /** The handle of an own account with its sigil, as it is mentioned on its network. */
    static String handle(PublishingTarget target) {
        String handle = target.handle();
        if (handle == null || handle.isBlank()) {
            return null;
        }
        handle = handle.strip();
        return handle.startsWith("@") ? handle : "@" + handle;
    }

    static MentionFormat format(String mention) {
        String body = mention.startsWith("@") ? mention.substring(1) : mention;
        if (body.contains("@")) {
            return MentionFormat.FEDIVERSE;
        }
        return body.contains(".") ? MentionFormat.DOMAIN : MentionFormat.PLAIN;
    }

    static MentionFormat formatOf(Network network) {
        return switch (network) {
            case MASTODON -> MentionFormat.FEDIVERSE;
            case BLUESKY -> MentionFormat.DOMAIN;
            default -> MentionFormat.PLAIN;
        };
    }

    /** Lower case without accents: {@code Fête} and {@code fete} are one hashtag. */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    private static final class Tally {

        private final Map<String, Integer> spellings = new LinkedHashMap<>();
        private final java.util.Set<Network> networks = java.util.EnumSet.noneOf(Network.class);
        private int uses;
        private Instant last;
        private Network own;

        void spell(String value) {
            spellings.merge(value, 1, Integer::sum);
        }

        /** Written in the variant of that network, or in its format. */
        boolean fits(Network network) {
            return networks.contains(network) || formatOf(network) == format(best(Kind.MENTION));
        }

        /** The CamelCase spelling when one was written, else the most written one. */
        String best(Kind kind) {
            List<Map.Entry<String, Integer>> list = new ArrayList<>(spellings.entrySet());
            Comparator<Map.Entry<String, Integer>> order = Comparator.comparingInt(Map.Entry::getValue);
            if (kind == Kind.HASHTAG) {
                order = Comparator.<Map.Entry<String, Integer>>comparingInt(e -> camel(e.getKey())).thenComparing(order);
            }
            return list.stream().max(order).map(Map.Entry::getKey).orElseThrow();
        }

        Suggestion suggestion(Kind kind) {
            return new Suggestion(best(kind), kind, uses, last, own != null, own);
        }

        /** 1 when a capital follows the first letter (CamelCase), else 0. */
        private static int camel(String hashtag) {
            String word = hashtag.substring(1);
            for (int i = 1; i < word.length(); i++) {
                if (Character.isUpperCase(word.charAt(i)) && Character.isLowerCase(word.charAt(i - 1))) {
                    return 1;
                }
            }
            return 0;
        }
    }
}
