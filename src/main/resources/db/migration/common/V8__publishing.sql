-- Publishing: posts (one message), their variant per social account (text, media, and the state of
-- the publication on that account), the approval circuit (decisions, comments, acknowledged
-- warnings), the circuit settings, and in-app notifications.

CREATE TABLE publishing_settings (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id UUID                     NOT NULL REFERENCES territory_collectivite (id),
    approval_levels INTEGER                  NOT NULL,
    level1_roles    VARCHAR(200)             NOT NULL,
    level2_roles    VARCHAR(200)             NOT NULL,
    notify_by_email BOOLEAN                  NOT NULL,
    reserve_names   VARCHAR(4000),
    CONSTRAINT publishing_settings_uk UNIQUE (collectivite_id)
);

CREATE TABLE publishing_account_setting (
    id                UUID                     NOT NULL PRIMARY KEY,
    version           BIGINT                   NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id   UUID                     NOT NULL REFERENCES territory_collectivite (id),
    account_id        UUID                     NOT NULL REFERENCES channels_social_account (id),
    approval_levels   INTEGER,
    native_scheduling BOOLEAN                  NOT NULL,
    CONSTRAINT publishing_account_setting_uk UNIQUE (account_id)
);

CREATE TABLE publishing_post (
    id                UUID                     NOT NULL PRIMARY KEY,
    version           BIGINT                   NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id   UUID                     NOT NULL REFERENCES territory_collectivite (id),
    title             VARCHAR(120),
    body              VARCHAR(10000)           NOT NULL,
    link              VARCHAR(2048),
    utm_campaign      VARCHAR(100),
    boosted           BOOLEAN                  NOT NULL,
    status            VARCHAR(30)              NOT NULL,
    scheduled_at      TIMESTAMP WITH TIME ZONE,
    approval_levels   INTEGER                  NOT NULL,
    approvals_given   INTEGER                  NOT NULL,
    origin            VARCHAR(20)              NOT NULL,
    origin_ref        VARCHAR(600),
    author_id         UUID,
    author_name       VARCHAR(200),
    submitted_at      TIMESTAMP WITH TIME ZONE,
    approved_at       TIMESTAMP WITH TIME ZONE,
    paused_by_crisis  BOOLEAN                  NOT NULL,
    approval_bypass   VARCHAR(300),
    CONSTRAINT publishing_post_origin_uk UNIQUE (collectivite_id, origin, origin_ref)
);
CREATE INDEX publishing_post_status_ix ON publishing_post (collectivite_id, status, scheduled_at);
CREATE INDEX publishing_post_schedule_ix ON publishing_post (status, scheduled_at);

CREATE TABLE publishing_variant (
    id                  UUID                     NOT NULL PRIMARY KEY,
    version             BIGINT                   NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id     UUID                     NOT NULL REFERENCES territory_collectivite (id),
    post_id             UUID                     NOT NULL REFERENCES publishing_post (id),
    account_id          UUID                     NOT NULL REFERENCES channels_social_account (id),
    network             VARCHAR(20)              NOT NULL,
    text                VARCHAR(10000),
    first_comment       VARCHAR(10000),
    media_ids           VARCHAR(400),
    state               VARCHAR(30)              NOT NULL,
    due_at              TIMESTAMP WITH TIME ZONE,
    claimed_at          TIMESTAMP WITH TIME ZONE,
    claimed_by          VARCHAR(200),
    attempts            INTEGER                  NOT NULL,
    native_id           VARCHAR(600),
    external_id         VARCHAR(600),
    url                 VARCHAR(2048),
    published_at        TIMESTAMP WITH TIME ZONE,
    comment_external_id VARCHAR(600),
    error_key           VARCHAR(100),
    error_arguments     VARCHAR(500),
    resolved_by         VARCHAR(200),
    CONSTRAINT publishing_variant_uk UNIQUE (post_id, account_id)
);
CREATE INDEX publishing_variant_state_ix ON publishing_variant (state, due_at);
CREATE INDEX publishing_variant_account_ix ON publishing_variant (account_id, published_at);
CREATE INDEX publishing_variant_published_ix ON publishing_variant (collectivite_id, state, published_at);

CREATE TABLE publishing_approval (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id UUID                     NOT NULL REFERENCES territory_collectivite (id),
    post_id         UUID                     NOT NULL REFERENCES publishing_post (id),
    level           INTEGER                  NOT NULL,
    decision        VARCHAR(30)              NOT NULL,
    user_id         UUID,
    user_name       VARCHAR(200),
    role            VARCHAR(40),
    decided_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    comment         VARCHAR(2000)
);
CREATE INDEX publishing_approval_post_ix ON publishing_approval (post_id, decided_at);

CREATE TABLE publishing_post_comment (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id UUID                     NOT NULL REFERENCES territory_collectivite (id),
    post_id         UUID                     NOT NULL REFERENCES publishing_post (id),
    user_id         UUID,
    user_name       VARCHAR(200),
    written_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    text            VARCHAR(2000)            NOT NULL
);
CREATE INDEX publishing_post_comment_post_ix ON publishing_post_comment (post_id, written_at);

CREATE TABLE publishing_acknowledgement (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id UUID                     NOT NULL REFERENCES territory_collectivite (id),
    post_id         UUID                     NOT NULL REFERENCES publishing_post (id),
    code            VARCHAR(200)             NOT NULL,
    user_id         UUID,
    user_name       VARCHAR(200),
    acknowledged_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX publishing_acknowledgement_post_ix ON publishing_acknowledgement (post_id);

CREATE TABLE publishing_notification (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id UUID                     NOT NULL REFERENCES territory_collectivite (id),
    user_id         UUID                     NOT NULL,
    post_id         UUID                     REFERENCES publishing_post (id),
    kind            VARCHAR(40)              NOT NULL,
    message_key     VARCHAR(100)             NOT NULL,
    arguments       VARCHAR(500),
    notified_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX publishing_notification_user_ix ON publishing_notification (user_id, read_at, notified_at);

-- The Parvis processes (nodes) that publish, with the last time each said it is alive: a claim of a
-- node that stopped saying so is settled by reading back from the network.
CREATE TABLE publishing_node (
    name      VARCHAR(200)             NOT NULL PRIMARY KEY,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen TIMESTAMP WITH TIME ZONE NOT NULL
);
