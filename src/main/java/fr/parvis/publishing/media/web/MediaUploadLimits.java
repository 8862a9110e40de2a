package fr.parvis.publishing.media.web;

import fr.parvis.publishing.media.MediaProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Size limits of multipart requests, per route, checked on {@code Content-Length} before anything
 * reads the body (the CSRF filter would otherwise parse it). The server-wide multipart limits
 * ({@code spring.servlet.multipart.*}) are raised for videos; this filter keeps every other route
 * at {@value #OTHER_ROUTES_LIMIT} bytes (the former server-wide limit) and refuses chunked multipart
 * requests (length unknown) there, and holds the media upload routes to the largest video plus
 * its subtitles.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class MediaUploadLimits extends OncePerRequestFilter {

    static final long OTHER_ROUTES_LIMIT = 2L * 1024 * 1024;

    /** Form fields and multipart framing around the files. */
    private static final long OVERHEAD = 1024L * 1024;

    private static final Set<String> UPLOAD_ROUTES = Set.of("/publier/medias", "/api/v1/media");

    private final MediaProperties properties;

    MediaUploadLimits(MediaProperties properties) {
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean upload = UPLOAD_ROUTES.contains(path) && "POST".equals(request.getMethod());
        long length = request.getContentLengthLong();
        long limit = upload ? properties.maxVideoSize().toBytes() + properties.maxSubtitlesSize().toBytes() + OVERHEAD
                : OTHER_ROUTES_LIMIT;
        boolean chunked = length < 0 && request.getHeader("Transfer-Encoding") != null;
        if (length > limit || (chunked && !upload)) {
            refuse(request, response, length < 0 ? HttpStatus.LENGTH_REQUIRED : HttpStatus.CONTENT_TOO_LARGE,
                    limit);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            long limit) throws IOException {
        boolean english = request.getHeader("Accept-Language") != null
                && request.getHeader("Accept-Language").toLowerCase(Locale.ROOT).startsWith("en");
        long megabytes = Math.max(1, limit / (1024 * 1024));
        String detail = status == HttpStatus.LENGTH_REQUIRED
                ? (english ? "The size of the request must be announced (Content-Length)."
                        : "La taille de la requête doit être annoncée (Content-Length).")
                : (english ? "The request is too large: at most " + megabytes + " MB here."
                        : "La requête est trop grande : " + megabytes + " Mo au plus ici.");
        response.setStatus(status.value());
        response.setHeader("Connection", "close");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Language", english ? "en" : "fr");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"https://parvis.fr/problemes/too-large\",\"title\":\""
                    + (english ? "Content too large" : "Contenu trop volumineux") + "\",\"status\":" + status.value()
                    + ",\"detail\":\"" + detail + "\",\"code\":\"too-large\"}");
        } else {
            response.setContentType("text/plain");
            response.getWriter().write(detail);
        }
    }
}
