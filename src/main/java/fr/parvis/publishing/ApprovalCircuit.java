package fr.parvis.publishing;

import fr.parvis.publishing.domain.AccountSetting;
import fr.parvis.publishing.domain.AccountSettings;
import fr.parvis.publishing.domain.CircuitSettings;
import fr.parvis.publishing.domain.CircuitSettingsRecords;
import fr.parvis.publishing.domain.Notification;
import fr.parvis.publishing.domain.Notifications;
import fr.parvis.publishing.domain.Post;
import fr.parvis.territory.MemberManagement;
import fr.parvis.territory.MemberView;
import fr.parvis.territory.Role;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The approval circuit of the current collectivité: how many levels a post needs (the most any of
 * its accounts asks for), who approves at each level, and the in-app notifications of the people
 * concerned.
 */
@Component
class ApprovalCircuit {

    private final CircuitSettingsRecords settings;
    private final AccountSettings accountSettings;
    private final Notifications notifications;
    private final MemberManagement members;
    private final Clock clock;

    ApprovalCircuit(CircuitSettingsRecords settings, AccountSettings accountSettings, Notifications notifications,
            MemberManagement members, Clock clock) {
        this.settings = settings;
        this.accountSettings = accountSettings;
        this.notifications = notifications;
        this.members = members;
        this.clock = clock;
    }

    CircuitSettings settings() {
        return settings.findFirstBy().orElseGet(CircuitSettings::defaults);
    }

    /** The number of levels for a post to these accounts: the highest any account asks for. */
    int levelsFor(Collection<UUID> accountIds) {
        int levels = settings().approvalLevels();
        for (AccountSetting account : accountSettings.findByAccountIdIn(accountIds)) {
            if (account.approvalLevels() != null) {
                levels = Math.max(levels, account.approvalLevels());
            }
        }
        return levels;
    }

    Set<Role> rolesFor(int level) {
        return settings().rolesFor(level);
    }

    void notifyApprovers(Post post, int level) {
        Set<Role> roles = rolesFor(level);
        for (MemberView member : members.withRoles(roles)) {
            if (!member.userId().value().equals(post.authorId())) {
                notifications.save(new Notification(member.userId().value(), post.id(), "TO_APPROVE",
                        "notification.toApprove", PublishingManagement.label(post), clock.instant()));
            }
        }
    }

    void notifyAuthor(Post post, String kind, String messageKey) {
        if (post.authorId() != null) {
            notifications.save(new Notification(post.authorId(), post.id(), kind, messageKey,
                    PublishingManagement.label(post), clock.instant()));
        }
    }

    /** The approver decided: their notifications about this post are done. */
    void handled(Post post, UUID approver) {
        notifications.findByUserIdAndPostIdAndReadAtIsNull(approver, post.id()).forEach(n -> n.read(clock.instant()));
    }

    /** A comment: the author and the approvers of the post's current level hear of it. */
    void notifyComment(Post post, UUID from) {
        Set<UUID> to = new HashSet<>();
        if (post.authorId() != null) {
            to.add(post.authorId());
        }
        if (post.status() == PostStatus.SUBMITTED) {
            members.withRoles(rolesFor(post.approvalsGiven() + 1)).forEach(m -> to.add(m.userId().value()));
        }
        to.remove(from);
        for (UUID user : to) {
            notifications.save(new Notification(user, post.id(), "COMMENT", "notification.comment",
                    PublishingManagement.label(post), clock.instant()));
        }
    }
}
