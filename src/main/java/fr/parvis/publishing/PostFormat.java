package fr.parvis.publishing;

import fr.parvis.publishing.domain.Variant;
import fr.parvis.publishing.media.MediaKind;
import fr.parvis.publishing.media.MediaLibrary;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A format of post, as the judges of the pre-election period compare them (identité): what a
 * variant carries besides its text. A plain text (with or without a link) has no format of its own.
 * A boost is not a format here: it is refused outright during the reserve.
 */
public enum PostFormat {

    /** Exactly one image. */
    IMAGE,
    /** Two images or more (carousel, gallery). */
    GALLERY,
    /** At least one video. */
    VIDEO,
    /** A first comment published under the post (a thread). */
    THREAD;

    /** The formats of one variant, given the kinds of its media. */
    static Set<PostFormat> of(Variant variant, Map<UUID, MediaKind> kinds) {
        Set<PostFormat> formats = EnumSet.noneOf(PostFormat.class);
        long videos = variant.mediaIds().stream().filter(id -> kinds.get(id) == MediaKind.VIDEO).count();
        long images = variant.mediaIds().stream().filter(id -> kinds.get(id) == MediaKind.IMAGE).count();
        if (videos > 0) {
            formats.add(VIDEO);
        }
        if (images == 1) {
            formats.add(IMAGE);
        } else if (images > 1) {
            formats.add(GALLERY);
        }
        if (variant.firstComment() != null && !variant.firstComment().isBlank()) {
            formats.add(THREAD);
        }
        return formats;
    }

    /** The formats of several variants together. */
    static Set<PostFormat> of(Collection<Variant> variants, MediaLibrary library) {
        Set<UUID> media = new HashSet<>();
        variants.forEach(v -> media.addAll(v.mediaIds()));
        Map<UUID, MediaKind> kinds = library.kinds(media);
        Set<PostFormat> formats = EnumSet.noneOf(PostFormat.class);
        for (Variant variant : variants) {
            formats.addAll(of(variant, kinds));
        }
        return formats;
    }
}
