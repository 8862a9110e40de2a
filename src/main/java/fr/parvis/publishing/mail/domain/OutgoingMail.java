package fr.parvis.publishing.mail.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One e-mail to one recipient, kept until it is sent (then purged after a week) or given up. Its
 * state is changed only by the node that claimed it, with the row locked.
 */
@Entity
@Table(name = "publishing_mail")
public class OutgoingMail extends TenantScoped {

    /** Where an e-mail stands. */
    public enum Status {
        /** Waiting for its first attempt or for its next one at {@code nextAttemptAt}. */
        PENDING,
        /** Claimed by a node that is sending it now. */
        SENDING,
        /** Accepted by the SMTP server. */
        SENT,
        /** Every attempt failed: shown to the administrators. */
        FAILED
    }

    @Column(name = "post_id", updatable = false)
    private UUID postId;

    @Column(name = "recipient", nullable = false, length = 320, updatable = false)
    private String recipient;

    @Column(name = "subject", nullable = false, length = 500, updatable = false)
    private String subject;

    @Column(name = "text_body", nullable = false, length = 20000, updatable = false)
    private String textBody;

    @Column(name = "html_body", nullable = false, length = 40000, updatable = false)
    private String htmlBody;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private Status status = Status.PENDING;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "claimed_by", length = 200)
    private String claimedBy;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    protected OutgoingMail() {
    }

    public OutgoingMail(UUID postId, String recipient, String subject, String textBody, String htmlBody, Instant now) {
        this.postId = postId;
        this.recipient = recipient;
        this.subject = subject;
        this.textBody = textBody;
        this.htmlBody = htmlBody;
        this.nextAttemptAt = now;
    }

    /** Whether a node may take it now. */
    public boolean due(Instant now) {
        return status == Status.PENDING && (nextAttemptAt == null || !nextAttemptAt.isAfter(now));
    }

    public void claim(String node, Instant now) {
        if (!due(now)) {
            throw new IllegalStateException("claim of a mail in " + status);
        }
        status = Status.SENDING;
        claimedBy = node;
        claimedAt = now;
        attempts++;
    }

    public void sent(Instant now) {
        status = Status.SENT;
        sentAt = now;
        nextAttemptAt = null;
        lastError = null;
    }

    /** The attempt failed: again at {@code next}, or given up when {@code next} is null. */
    public void attemptFailed(String error, Instant next) {
        lastError = error;
        nextAttemptAt = next;
        status = next == null ? Status.FAILED : Status.PENDING;
    }

    /** A claim whose node went away before recording the outcome: taken again (it may have been sent). */
    public void released(Instant now) {
        status = Status.PENDING;
        nextAttemptAt = now;
        lastError = "interrupted";
    }

    /** An administrator asks for a new series of attempts. */
    public void retry(Instant now) {
        status = Status.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }

    public UUID postId() {
        return postId;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String textBody() {
        return textBody;
    }

    public String htmlBody() {
        return htmlBody;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String claimedBy() {
        return claimedBy;
    }

    public Instant claimedAt() {
        return claimedAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public String lastError() {
        return lastError;
    }
}
