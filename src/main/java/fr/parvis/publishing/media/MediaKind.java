package fr.parvis.publishing.media;

/** What a medium is. */
public enum MediaKind {
    IMAGE,
    VIDEO
}
