package fr.parvis.channels.spi;

import java.util.Optional;
import java.util.UUID;

/**
 * A social network connector. One Spring bean per network; it holds no per-account state (each
 * call gets the {@link AccountContext}). Capabilities the network lacks return empty.
 */
public interface Connector {

    Network network();

    NetworkProfile profile();

    /** Reads the account's profile (handle, name, avatar, followers) with its credentials. */
    AccountInfo describe(AccountContext account);

    default Optional<Publishing> publishing() {
        return Optional.empty();
    }

    default Optional<Timeline> timeline() {
        return Optional.empty();
    }

    default Optional<NativeScheduling> scheduling() {
        return Optional.empty();
    }

    default Optional<Interactions> interactions() {
        return Optional.empty();
    }

    default Optional<InteractionPush> push() {
        return Optional.empty();
    }

    default Optional<Moderation> moderation() {
        return Optional.empty();
    }

    default Optional<Metrics> metrics() {
        return Optional.empty();
    }

    default Optional<Search> search() {
        return Optional.empty();
    }

    default Optional<CredentialRefresh> refresh() {
        return Optional.empty();
    }

    /**
     * The call budget the network last reported for an account, if it reports one. Parvis stops
     * calling the account until the reset when nothing is left, instead of waiting for a refusal.
     */
    default Optional<RateLimitState> rateLimitState(UUID accountId) {
        return Optional.empty();
    }

    /** How an account of this network is connected. */
    ConnectFlow connectFlow();
}
