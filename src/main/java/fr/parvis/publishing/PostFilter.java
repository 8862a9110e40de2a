package fr.parvis.publishing;

import fr.parvis.channels.spi.Network;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Which posts to list (calendar, list view, API). Empty sets and {@code null}s mean "all".
 *
 * @param from scheduled (or published) at or after
 * @param to scheduled (or published) before
 */
public record PostFilter(Set<PostStatus> statuses, Set<UUID> accountIds, Set<Network> networks, String community,
        Instant from, Instant to) {

    public PostFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        accountIds = accountIds == null ? Set.of() : Set.copyOf(accountIds);
        networks = networks == null ? Set.of() : Set.copyOf(networks);
    }

    public static PostFilter all() {
        return new PostFilter(Set.of(), Set.of(), Set.of(), null, null, null);
    }
}
