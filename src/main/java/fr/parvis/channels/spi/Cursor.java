package fr.parvis.channels.spi;

/**
 * Where to resume reading interactions, opaque to Parvis (a network cursor, a last id, a date).
 * {@code null} value means "from the beginning (as far as the network keeps)".
 */
public record Cursor(String value) {

    public static final Cursor START = new Cursor(null);

    public boolean atStart() {
        return value == null;
    }
}
