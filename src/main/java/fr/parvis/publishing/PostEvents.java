package fr.parvis.publishing;

/** Marker for the publishing module's events (small records carrying ids). */
public sealed interface PostEvents permits PostSubmitted, PostApproved, PostChangesRequested, PostPublished,
        PublicationFailed, PublicationOutcomeUnknown {
}
