package fr.parvis.browser;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import tools.jackson.databind.node.ObjectNode;

/**
 * The WireMock Mastodon of the connector tests ({@code fr.parvis.channels.mastodon.FakeMastodon},
 * package-private there) seen from the browser tests: its address, the user's approval on its
 * {@code /oauth/authorize} page, and the statuses it holds.
 */
final class MastodonStub implements AutoCloseable {

    private static final String CLASS = "fr.parvis.channels.mastodon.FakeMastodon";

    private final Object fake;

    MastodonStub() {
        try {
            Constructor<?> constructor = Class.forName(CLASS).getDeclaredConstructor();
            constructor.setAccessible(true);
            this.fake = constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start " + CLASS, e);
        }
    }

    /** The instance's address, for example {@code http://localhost:41234/}. */
    URI baseUrl() {
        return (URI) call("baseUrl", new Class<?>[0]);
    }

    /** What the user's browser does on the authorization page: approve, and get the code back. */
    String authorize(URI authorizationUrl) {
        return (String) call("authorize", new Class<?>[] {URI.class}, authorizationUrl);
    }

    /** A status as the instance stores it (Mastodon's Status entity), or null when there is none. */
    ObjectNode status(String id) {
        return (ObjectNode) call("status", new Class<?>[] {String.class}, id);
    }

    @Override
    public void close() {
        call("shutdown", new Class<?>[0]);
    }

    private Object call(String name, Class<?>[] types, Object... args) {
        try {
            Method method = fake.getClass().getDeclaredMethod(name, types);
            method.setAccessible(true);
            return method.invoke(fake, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + CLASS + "." + name, e);
        }
    }
}
