package fr.parvis.channels.spi;

/**
 * An image to publish. Alt text is required by Parvis's accessibility rules (RGAA).
 *
 * @param mediaType {@code image/png}, {@code image/jpeg}, {@code image/webp} or {@code image/gif}
 */
public record ImageAttachment(byte[] content, String mediaType, String altText) {

    public ImageAttachment {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }

    @Override
    public String toString() {
        return "ImageAttachment[" + mediaType + ", " + content.length + " bytes, alt=" + altText + "]";
    }
}
