package fr.parvis.publishing.crisis.domain;

import fr.parvis.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The collectivité's own copy of a shipped alert template, pre-approved by whoever last saved it
 * (an agent with the crisis permission): publishing an alert from it bypasses the approval circuit.
 */
@Entity
@Table(name = "publishing_alert_template")
public class AlertTemplate extends TenantScoped {

    @Column(name = "code", nullable = false, length = 40, updatable = false)
    private String code;

    @Column(name = "title", nullable = false, length = 120)
    private String title;

    @Column(name = "body", nullable = false, length = 2000)
    private String body;

    @Column(name = "approved_by")
    private UUID approvedBy;

    @Column(name = "approved_by_name", length = 200)
    private String approvedByName;

    @Column(name = "approved_at", nullable = false)
    private Instant approvedAt;

    protected AlertTemplate() {
    }

    public AlertTemplate(String code) {
        this.code = code;
    }

    public void change(String title, String body, UUID approvedBy, String approvedByName, Instant approvedAt) {
        this.title = title;
        this.body = body;
        this.approvedBy = approvedBy;
        this.approvedByName = approvedByName;
        this.approvedAt = approvedAt;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public UUID approvedBy() {
        return approvedBy;
    }

    public String approvedByName() {
        return approvedByName;
    }

    public Instant approvedAt() {
        return approvedAt;
    }
}
