-- Crisis mode (publications of the collectivité paused, with who started and ended it and why),
-- the alert templates edited by the collectivité (the shipped defaults live in the code), and the
-- rules that turn the items of an RSS/Atom source into draft posts (no foreign key to the source:
-- a source is deleted with its items when unsubscribed; its rule is then ignored).

CREATE TABLE publishing_crisis (
    id                UUID                     NOT NULL PRIMARY KEY,
    version           BIGINT                   NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id   UUID                     NOT NULL REFERENCES territory_collectivite (id),
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    started_by        UUID,
    started_by_name   VARCHAR(200),
    reason            VARCHAR(500)             NOT NULL,
    ended_at          TIMESTAMP WITH TIME ZONE,
    ended_by          UUID,
    ended_by_name     VARCHAR(200),
    members_included  BOOLEAN                  NOT NULL,
    paused_posts      INTEGER                  NOT NULL,
    parent_crisis_id  UUID,
    parent_name       VARCHAR(200)
);
CREATE INDEX publishing_crisis_active_ix ON publishing_crisis (collectivite_id, ended_at);
CREATE INDEX publishing_crisis_parent_ix ON publishing_crisis (parent_crisis_id);

CREATE TABLE publishing_alert_template (
    id                UUID                     NOT NULL PRIMARY KEY,
    version           BIGINT                   NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id   UUID                     NOT NULL REFERENCES territory_collectivite (id),
    code              VARCHAR(40)              NOT NULL,
    title             VARCHAR(120)             NOT NULL,
    body              VARCHAR(2000)            NOT NULL,
    approved_by       UUID,
    approved_by_name  VARCHAR(200),
    approved_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT publishing_alert_template_uk UNIQUE (collectivite_id, code)
);

CREATE TABLE publishing_feed_rule (
    id                UUID                     NOT NULL PRIMARY KEY,
    version           BIGINT                   NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id   UUID                     NOT NULL REFERENCES territory_collectivite (id),
    source_id         UUID                     NOT NULL,
    enabled           BOOLEAN                  NOT NULL,
    account_ids       VARCHAR(800)             NOT NULL,
    template          VARCHAR(1000)            NOT NULL,
    auto_publish      BOOLEAN                  NOT NULL,
    CONSTRAINT publishing_feed_rule_uk UNIQUE (source_id)
);
