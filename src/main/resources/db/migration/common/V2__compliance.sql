-- Compliance: the audit trail (append-only; see the vendor migrations for the trigger).

CREATE TABLE compliance_audit_entry (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id UUID                     NOT NULL REFERENCES territory_collectivite (id),
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_user_id   UUID,
    actor_label     VARCHAR(200)             NOT NULL,
    actor_via       VARCHAR(150),
    channel         VARCHAR(10)              NOT NULL,
    token_name      VARCHAR(80),
    ip_address      VARCHAR(45),
    action          VARCHAR(60)              NOT NULL,
    object_type     VARCHAR(40),
    object_id       VARCHAR(64),
    object_label    VARCHAR(200),
    details         VARCHAR(1000)
);
CREATE INDEX compliance_audit_entry_time_ix ON compliance_audit_entry (collectivite_id, occurred_at);
CREATE INDEX compliance_audit_entry_action_ix ON compliance_audit_entry (collectivite_id, action);
CREATE INDEX compliance_audit_entry_actor_ix ON compliance_audit_entry (collectivite_id, actor_user_id);
