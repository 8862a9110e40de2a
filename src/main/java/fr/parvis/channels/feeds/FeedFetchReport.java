package fr.parvis.channels.feeds;

/**
 * What one reading of a source did.
 *
 * @param newItems items stored by this reading
 * @param notModified the server answered 304 Not Modified
 * @param errorKey the message key of the failure, null on success
 * @param errorArguments its arguments
 */
public record FeedFetchReport(int newItems, boolean notModified, String errorKey, java.util.List<String> errorArguments) {

    public static FeedFetchReport ok(int newItems, boolean notModified) {
        return new FeedFetchReport(newItems, notModified, null, java.util.List.of());
    }

    public boolean failed() {
        return errorKey != null;
    }
}
