-- The e-mails of the approval circuit, one row per message and recipient, written before any
-- attempt: a message that the SMTP server refused or could not take is retried with backoff by the
-- recurring task publishing-mail-retry, then marked FAILED and listed for the administrators.
-- Sent messages are purged after a week.

CREATE TABLE publishing_mail (
    id                UUID                     NOT NULL PRIMARY KEY,
    version           BIGINT                   NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id   UUID                     NOT NULL REFERENCES territory_collectivite (id),
    post_id           UUID,
    recipient         VARCHAR(320)             NOT NULL,
    subject           VARCHAR(500)             NOT NULL,
    text_body         VARCHAR(20000)           NOT NULL,
    html_body         VARCHAR(40000)           NOT NULL,
    status            VARCHAR(20)              NOT NULL,
    attempts          INTEGER                  NOT NULL,
    next_attempt_at   TIMESTAMP WITH TIME ZONE,
    claimed_by        VARCHAR(200),
    claimed_at        TIMESTAMP WITH TIME ZONE,
    sent_at           TIMESTAMP WITH TIME ZONE,
    last_error        VARCHAR(500)
);
CREATE INDEX publishing_mail_due_ix ON publishing_mail (status, next_attempt_at);
CREATE INDEX publishing_mail_tenant_ix ON publishing_mail (collectivite_id, status, updated_at);
