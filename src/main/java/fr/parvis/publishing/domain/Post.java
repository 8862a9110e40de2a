package fr.parvis.publishing.domain;

import fr.parvis.publishing.PostStatus;
import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One message of the collectivité, published as a variant on each selected account. */
@Entity
@Table(name = "publishing_post")
public class Post extends TenantScoped {

    /** Where a post comes from. */
    public enum Origin {
        COMPOSER, API, FEED, CSV, CRISIS
    }

    @Column(name = "title", length = 120)
    private String title;

    @Column(name = "body", nullable = false, length = 10000)
    private String body;

    @Column(name = "link", length = 2048)
    private String link;

    @Column(name = "utm_campaign", length = 100)
    private String utmCampaign;

    @Column(name = "boosted", nullable = false)
    private boolean boosted;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 30)
    private PostStatus status = PostStatus.DRAFT;

    @Column(name = "scheduled_at")
    private Instant scheduledAt;

    @Column(name = "approval_levels", nullable = false)
    private int approvalLevels;

    @Column(name = "approvals_given", nullable = false)
    private int approvalsGiven;

    @Enumerated(EnumType.STRING)
    @Column(name = "origin", nullable = false, length = 20, updatable = false)
    private Origin origin;

    @Column(name = "origin_ref", length = 600, updatable = false)
    private String originRef;

    @Column(name = "author_id", updatable = false)
    private UUID authorId;

    @Column(name = "author_name", length = 200, updatable = false)
    private String authorName;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "paused_by_crisis", nullable = false)
    private boolean pausedByCrisis;

    @Column(name = "approval_bypass", length = 300)
    private String approvalBypass;

    protected Post() {
    }

    public Post(Origin origin, String originRef, UUID authorId, String authorName) {
        this.origin = origin;
        this.originRef = originRef;
        this.authorId = authorId;
        this.authorName = authorName;
    }

    public void content(String title, String body, String link, String utmCampaign, boolean boosted) {
        this.title = title;
        this.body = body;
        this.link = link;
        this.utmCampaign = utmCampaign;
        this.boosted = boosted;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public String link() {
        return link;
    }

    public String utmCampaign() {
        return utmCampaign;
    }

    public boolean boosted() {
        return boosted;
    }

    public PostStatus status() {
        return status;
    }

    public void status(PostStatus status) {
        this.status = status;
    }

    public Instant scheduledAt() {
        return scheduledAt;
    }

    public void scheduledAt(Instant scheduledAt) {
        this.scheduledAt = scheduledAt;
    }

    public int approvalLevels() {
        return approvalLevels;
    }

    public int approvalsGiven() {
        return approvalsGiven;
    }

    /** Starts the circuit again (after an edit or a request for changes). */
    public void resetApprovals(int levels) {
        this.approvalLevels = levels;
        this.approvalsGiven = 0;
        this.approvedAt = null;
        this.submittedAt = null;
    }

    public void submitted(Instant at) {
        this.submittedAt = at;
        this.status = PostStatus.SUBMITTED;
    }

    /** One more level approved; returns whether the circuit is complete. */
    public boolean approvedOneLevel(Instant at) {
        approvalsGiven++;
        if (approvalsGiven >= approvalLevels) {
            approvedAt = at;
            return true;
        }
        return false;
    }

    public Origin origin() {
        return origin;
    }

    public String originRef() {
        return originRef;
    }

    public UUID authorId() {
        return authorId;
    }

    public String authorName() {
        return authorName;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public boolean pausedByCrisis() {
        return pausedByCrisis;
    }

    public void pausedByCrisis(boolean paused) {
        this.pausedByCrisis = paused;
    }

    public String approvalBypass() {
        return approvalBypass;
    }

    /** The circuit was bypassed (crisis alert, auto-published feed item): why, recorded for good. */
    public void bypassApproval(String reason, Instant at) {
        this.approvalBypass = reason;
        this.approvalsGiven = approvalLevels;
        this.approvedAt = at;
    }
}
