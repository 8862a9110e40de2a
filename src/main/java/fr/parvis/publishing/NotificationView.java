package fr.parvis.publishing;

import java.time.Instant;
import java.util.UUID;

/**
 * An in-app notification of the current member.
 *
 * @param label the post's label at the time of the notification (the message's argument)
 */
public record NotificationView(UUID id, UUID postId, String kind, String messageKey, String label,
        Instant notifiedAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
