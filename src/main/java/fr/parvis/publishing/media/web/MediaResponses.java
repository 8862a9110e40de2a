package fr.parvis.publishing.media.web;

import fr.parvis.publishing.media.MediaContent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How the bytes of a medium are served, by the pages and the API alike: the stored (detected) type,
 * never guessed by the browser ({@code nosniff}), no script able to run ({@code default-src 'none'}),
 * private cache. Never SVG: the library accepts none.
 */
public final class MediaResponses {

    private MediaResponses() {
    }

    /** Shown in the page ({@code inline}). */
    public static ResponseEntity<byte[]> inline(MediaContent content) {
        return respond(content, ContentDisposition.inline());
    }

    /** Downloaded ({@code attachment}). */
    public static ResponseEntity<byte[]> attachment(MediaContent content) {
        return respond(content, ContentDisposition.attachment());
    }

    private static ResponseEntity<byte[]> respond(MediaContent content, ContentDisposition.Builder disposition) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.mediaType()))
                .contentLength(content.content().length)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.filename(content.fileName(), StandardCharsets.UTF_8)
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(content.content());
    }
}
