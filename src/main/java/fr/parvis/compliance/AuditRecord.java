package fr.parvis.compliance;

import fr.parvis.shared.Texts;

/**
 * What happened, for the audit trail.
 *
 * @param action a dotted code such as {@code member.added}; its label is the message
 *     {@code audit.action.<code>}
 * @param objectType the kind of object acted upon ({@code member}, {@code token}…)
 * @param objectId its id
 * @param objectLabel a readable name of the object at the time (it may change or disappear later)
 * @param details a short free text (a role change, the fields changed…)
 */
public record AuditRecord(String action, String objectType, String objectId, String objectLabel, String details) {

    public AuditRecord {
        action = Texts.abbreviate(action, 60);
        objectType = Texts.abbreviate(objectType, 40);
        objectId = Texts.abbreviate(objectId, 64);
        objectLabel = Texts.abbreviate(objectLabel, 200);
        details = Texts.abbreviate(details, 1000);
    }
}
