/**
 * The media library of the publishing module: images (JPEG, PNG, GIF) and videos (MP4, WebM, with
 * subtitles) of a collectivité, stored in the database; {@link fr.parvis.publishing.media.MediaLibrary}
 * uploads, lists, describes and archives them, and gives the composer its checks
 * ({@link fr.parvis.publishing.media.MediaProblem}) and the publisher the renditions that fit each
 * network ({@code renditionFor}).
 */
@NamedInterface("media")
package fr.parvis.publishing.media;

import org.springframework.modulith.NamedInterface;
