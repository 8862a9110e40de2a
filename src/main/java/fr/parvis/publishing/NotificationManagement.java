package fr.parvis.publishing;

import fr.parvis.publishing.domain.Notification;
import fr.parvis.publishing.domain.Notifications;
import fr.parvis.shared.NotFoundException;
import fr.parvis.territory.access.Actors;
import fr.parvis.territory.access.ParvisAuthentication;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The in-app notifications of the current member in the current collectivité. */
@Service
@Transactional(readOnly = true)
public class NotificationManagement {

    /** Notifications per page. */
    public static final int PAGE_SIZE = 30;

    private final Notifications notifications;
    private final Clock clock;

    NotificationManagement(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** How many notifications the current member has not read (0 without an agent). */
    public long unreadCount() {
        return Actors.currentAgent().map(agent -> notifications.countByUserIdAndReadAtIsNull(agent.userId().value()))
                .orElse(0L);
    }

    /** The current member's notifications, the latest first, {@link #PAGE_SIZE} per page. */
    public List<NotificationView> list(int page) {
        ParvisAuthentication agent = Actors.requireAgent();
        return notifications.findByUserIdOrderByNotifiedAtDesc(agent.userId().value(),
                PageRequest.of(Math.max(0, Math.min(page, 10_000)), PAGE_SIZE)).stream()
                .map(NotificationManagement::view).toList();
    }

    /** Marks one notification of the current member as read; 404 for anyone else's. */
    @Transactional
    public NotificationView markRead(UUID id) {
        ParvisAuthentication agent = Actors.requireAgent();
        Notification notification = notifications.findById(id)
                .filter(n -> n.userId().equals(agent.userId().value()))
                .orElseThrow(() -> new NotFoundException("notification.notFound"));
        notification.read(clock.instant());
        return view(notification);
    }

    /** Marks every notification of the current member as read; returns how many were unread. */
    @Transactional
    public int markAllRead() {
        ParvisAuthentication agent = Actors.requireAgent();
        List<Notification> unread = notifications.findByUserIdAndReadAtIsNull(agent.userId().value());
        unread.forEach(n -> n.read(clock.instant()));
        return unread.size();
    }

    private static NotificationView view(Notification n) {
        return new NotificationView(n.id(), n.postId(), n.kind(), n.messageKey(), n.arguments(), n.notifiedAt(),
                n.readAt());
    }
}
