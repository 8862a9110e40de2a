package fr.parvis.publishing;

import fr.parvis.language.MediaDescription;
import java.util.List;
import java.util.UUID;

/** Describes the media of a variant for the accessibility lint (the media library). */
public interface PostMedia {

    List<MediaDescription> describe(List<UUID> mediaIds);
}
