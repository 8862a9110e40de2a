-- Sandbox: the "network side" of the simulated network, kept apart from Parvis's own copies
-- (channels_post, channels_interaction). Every row belongs to one collectivité: the Sandbox of a
-- collectivité is a separate little network.

CREATE TABLE sandbox_account (
    id                   UUID                     NOT NULL PRIMARY KEY,
    version              BIGINT                   NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id      UUID                     NOT NULL REFERENCES territory_collectivite (id),
    handle               VARCHAR(40)              NOT NULL,
    display_name         VARCHAR(200),
    theme                VARCHAR(20)              NOT NULL,
    token_hash           VARCHAR(64)              NOT NULL,
    seed                 BIGINT                   NOT NULL,
    base_followers       BIGINT                   NOT NULL,
    opened_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    simulated_until      TIMESTAMP WITH TIME ZONE NOT NULL,
    next_post_seq        BIGINT                   NOT NULL,
    next_interaction_seq BIGINT                   NOT NULL,
    CONSTRAINT sandbox_account_uk UNIQUE (collectivite_id, handle)
);

-- Followers of an account, one sample a day (the follower curve).
CREATE TABLE sandbox_follower_sample (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id UUID                     NOT NULL REFERENCES territory_collectivite (id),
    account_id      UUID                     NOT NULL REFERENCES sandbox_account (id),
    sample_day      DATE                     NOT NULL,
    followers       BIGINT                   NOT NULL,
    CONSTRAINT sandbox_follower_sample_uk UNIQUE (account_id, sample_day)
);

CREATE TABLE sandbox_post (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id UUID                     NOT NULL REFERENCES territory_collectivite (id),
    account_id      UUID                     NOT NULL REFERENCES sandbox_account (id),
    seq             BIGINT                   NOT NULL,
    external_id     VARCHAR(40)              NOT NULL,
    text            VARCHAR(10000),
    link            VARCHAR(1000),
    reply_to        VARCHAR(40),
    images          VARCHAR(4000),
    language        VARCHAR(20),
    idempotency_key VARCHAR(200),
    status          VARCHAR(20)              NOT NULL,
    scheduled_at    TIMESTAMP WITH TIME ZONE,
    published_at    TIMESTAMP WITH TIME ZONE,
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT sandbox_post_uk UNIQUE (account_id, external_id)
);
CREATE INDEX sandbox_post_seq_ix ON sandbox_post (account_id, seq);
CREATE INDEX sandbox_post_time_ix ON sandbox_post (account_id, status, published_at);

-- Interactions of the audience (simulated or sent through the audience API), with their
-- moderation state on the network.
CREATE TABLE sandbox_interaction (
    id               UUID                     NOT NULL PRIMARY KEY,
    version          BIGINT                   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id  UUID                     NOT NULL REFERENCES territory_collectivite (id),
    account_id       UUID                     NOT NULL REFERENCES sandbox_account (id),
    seq              BIGINT                   NOT NULL,
    external_id      VARCHAR(40)              NOT NULL,
    type             VARCHAR(20)              NOT NULL,
    category         VARCHAR(20),
    origin           VARCHAR(20)              NOT NULL,
    post_external_id VARCHAR(40),
    parent_id        VARCHAR(40),
    author_handle    VARCHAR(60)              NOT NULL,
    author_name      VARCHAR(200),
    text             VARCHAR(2000),
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    hidden_at        TIMESTAMP WITH TIME ZONE,
    deleted_at       TIMESTAMP WITH TIME ZONE,
    reported_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT sandbox_interaction_uk UNIQUE (account_id, external_id)
);
CREATE INDEX sandbox_interaction_seq_ix ON sandbox_interaction (account_id, seq);
CREATE INDEX sandbox_interaction_post_ix ON sandbox_interaction (account_id, post_external_id);

-- Authors an account blocked: they can no longer interact with it.
CREATE TABLE sandbox_block (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id UUID                     NOT NULL REFERENCES territory_collectivite (id),
    account_id      UUID                     NOT NULL REFERENCES sandbox_account (id),
    author_handle   VARCHAR(60)              NOT NULL,
    CONSTRAINT sandbox_block_uk UNIQUE (account_id, author_handle)
);
