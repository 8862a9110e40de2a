/** REST API {@code /api/v1/media}: the media library. Controllers only call {@code MediaLibrary}. */
package fr.parvis.publishing.media.api;
