package fr.parvis.publishing.media;

/** The original bytes of a medium, as uploaded. */
public record MediaContent(String mediaType, String fileName, byte[] content) {

    @Override
    public String toString() {
        return "MediaContent[" + mediaType + ", " + fileName + ", " + content.length + " bytes]";
    }
}
