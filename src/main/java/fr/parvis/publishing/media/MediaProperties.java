package fr.parvis.publishing.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the media library ({@code parvis.media.*}).
 *
 * @param maxImageSize the largest image accepted
 * @param maxVideoSize the largest video accepted (the multipart limits of the server must allow it:
 *     {@code spring.servlet.multipart.*})
 * @param maxImagePixels the most pixels (width × height) of an image, read from its header before
 *     anything is decoded (decompression bombs)
 * @param maxSubtitlesSize the largest subtitles file
 * @param previewSize the longest side of the previews shown in the library, in pixels
 */
@ConfigurationProperties("parvis.media")
public record MediaProperties(@DefaultValue("15MB") DataSize maxImageSize, @DefaultValue("200MB") DataSize maxVideoSize,
        @DefaultValue("50000000") long maxImagePixels, @DefaultValue("1MB") DataSize maxSubtitlesSize,
        @DefaultValue("400") int previewSize) {

    public MediaProperties {
        if (previewSize < 16 || previewSize > 400) {
            throw new IllegalArgumentException("parvis.media.preview-size must be between 16 and 400");
        }
    }
}
