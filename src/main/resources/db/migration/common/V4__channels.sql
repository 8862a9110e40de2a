-- Channels: social accounts, their encrypted credentials, their activity log, and the posts and
-- interactions read from (or published to) the networks.

CREATE TABLE channels_social_account (
    id                       UUID                     NOT NULL PRIMARY KEY,
    version                  BIGINT                   NOT NULL,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id          UUID                     NOT NULL REFERENCES territory_collectivite (id),
    network                  VARCHAR(20)              NOT NULL,
    external_id              VARCHAR(255)             NOT NULL,
    handle                   VARCHAR(255)             NOT NULL,
    display_name             VARCHAR(200),
    avatar_url               VARCHAR(1000),
    profile_url              VARCHAR(1000),
    base_url                 VARCHAR(500),
    community                VARCHAR(120),
    status                   VARCHAR(30)              NOT NULL,
    status_reason            VARCHAR(100),
    connected_by             UUID,
    followers                BIGINT,
    interactions_cursor      VARCHAR(1000),
    posts_cursor             VARCHAR(1000),
    last_sync_at             TIMESTAMP WITH TIME ZONE,
    rate_limited_until       TIMESTAMP WITH TIME ZONE,
    reconnection_notified_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT channels_social_account_uk UNIQUE (collectivite_id, network, external_id)
);

CREATE TABLE channels_credential (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id UUID                     NOT NULL REFERENCES territory_collectivite (id),
    account_id      UUID                     NOT NULL REFERENCES channels_social_account (id),
    key_id          VARCHAR(40)              NOT NULL,
    nonce           BYTEA                    NOT NULL,
    ciphertext      BYTEA                    NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT channels_credential_account_uk UNIQUE (account_id)
);
CREATE INDEX channels_credential_expiry_ix ON channels_credential (expires_at);

CREATE TABLE channels_account_event (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id UUID                     NOT NULL REFERENCES territory_collectivite (id),
    account_id      UUID                     NOT NULL REFERENCES channels_social_account (id),
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    kind            VARCHAR(20)              NOT NULL,
    operation       VARCHAR(40),
    message_key     VARCHAR(100),
    arguments       VARCHAR(500),
    detail          VARCHAR(1000)
);
CREATE INDEX channels_account_event_ix ON channels_account_event (account_id, occurred_at);

CREATE TABLE channels_post (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id UUID                     NOT NULL REFERENCES territory_collectivite (id),
    account_id      UUID                     NOT NULL REFERENCES channels_social_account (id),
    external_id     VARCHAR(500)             NOT NULL,
    url             VARCHAR(1000),
    text            VARCHAR(10000),
    published_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    origin          VARCHAR(20)              NOT NULL,
    deleted_at      TIMESTAMP WITH TIME ZONE,
    reactions       BIGINT,
    comments        BIGINT,
    shares          BIGINT,
    metrics_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT channels_post_uk UNIQUE (account_id, external_id)
);
CREATE INDEX channels_post_time_ix ON channels_post (account_id, published_at);

CREATE TABLE channels_interaction (
    id                 UUID                     NOT NULL PRIMARY KEY,
    version            BIGINT                   NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id    UUID                     NOT NULL REFERENCES territory_collectivite (id),
    account_id         UUID                     NOT NULL REFERENCES channels_social_account (id),
    external_id        VARCHAR(500)             NOT NULL,
    type               VARCHAR(20)              NOT NULL,
    post_external_id   VARCHAR(500),
    parent_external_id VARCHAR(500),
    author_external_id VARCHAR(255),
    author_handle      VARCHAR(255),
    author_name        VARCHAR(200),
    text               VARCHAR(10000),
    occurred_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    url                VARCHAR(1000),
    raw                VARCHAR(100000),
    hidden_at          TIMESTAMP WITH TIME ZONE,
    deleted_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT channels_interaction_uk UNIQUE (account_id, external_id)
);
CREATE INDEX channels_interaction_time_ix ON channels_interaction (account_id, occurred_at);
