package fr.parvis.compliance;

import fr.parvis.territory.access.ActorSnapshot;
import java.util.UUID;

/**
 * Who acted, when it cannot be read from the current request (asynchronous listeners).
 *
 * @param channel {@code WEB}, {@code API} or {@code SYSTEM}
 */
public record AuditActor(UUID userId, String label, String channel, String ipAddress) {

    /** The actor carried by an event. */
    public static AuditActor of(ActorSnapshot snapshot) {
        return new AuditActor(snapshot.userId() == null ? null : snapshot.userId().value(), snapshot.label(),
                snapshot.channel(), snapshot.ipAddress());
    }
}
