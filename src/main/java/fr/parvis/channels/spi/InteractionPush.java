package fr.parvis.channels.spi;

import java.util.function.Consumer;

/** Interactions pushed by the network (webhook, streaming) rather than polled. */
public interface InteractionPush {

    /** Starts receiving; the returned handle stops it. Errors end the stream (the poller takes over). */
    AutoCloseable subscribe(AccountContext account, Consumer<Interaction> receiver);
}
