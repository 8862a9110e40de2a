package fr.parvis.channels.spi;

/** Acting on third-party interactions, within what the network allows. */
public interface Moderation {

    /**
     * Applies an action listed in {@link NetworkProfile#moderation()} to an interaction.
     *
     * @param interaction the interaction as read (its ids and post are what the network needs)
     */
    void apply(AccountContext account, ModerationAction action, Interaction interaction);
}
