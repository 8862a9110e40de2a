package fr.parvis.publishing.jobs;

import fr.parvis.channels.spi.ImageAttachment;
import fr.parvis.channels.spi.VideoAttachment;
import fr.parvis.publishing.domain.Variant;
import java.util.List;

/** Supplies the images and videos of a variant, sized for its network (the media library). */
public interface PublicationContent {

    List<ImageAttachment> images(Variant variant);

    /** The videos of the variant, their bytes read only when sent; none by default. */
    default List<VideoAttachment> videos(Variant variant) {
        return List.of();
    }
}
