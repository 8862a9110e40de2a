-- Territory: collectivités (tenants), accounts, memberships, services, tokens, delegations.
-- Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode.

CREATE TABLE territory_collectivite (
    id             UUID                     NOT NULL PRIMARY KEY,
    version        BIGINT                   NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    type           VARCHAR(20)              NOT NULL,
    name           VARCHAR(150)             NOT NULL,
    slug           VARCHAR(64)              NOT NULL,
    official_code  VARCHAR(9),
    siren          VARCHAR(9),
    population     INTEGER,
    parent_id      UUID REFERENCES territory_collectivite (id),
    primary_color  VARCHAR(7),
    time_zone      VARCHAR(40)              NOT NULL,
    demo           BOOLEAN                  NOT NULL,
    CONSTRAINT territory_collectivite_slug_uk UNIQUE (slug),
    CONSTRAINT territory_collectivite_population_ck CHECK (population IS NULL OR population >= 0)
);
CREATE INDEX territory_collectivite_code_ix ON territory_collectivite (type, official_code);
CREATE INDEX territory_collectivite_parent_ix ON territory_collectivite (parent_id);

CREATE TABLE territory_collectivite_logo (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id UUID                     NOT NULL REFERENCES territory_collectivite (id),
    content_type    VARCHAR(40)              NOT NULL,
    content         BYTEA                    NOT NULL,
    sha256          VARCHAR(64)              NOT NULL,
    CONSTRAINT territory_collectivite_logo_uk UNIQUE (collectivite_id)
);

CREATE TABLE territory_user_account (
    id                   UUID                     NOT NULL PRIMARY KEY,
    version              BIGINT                   NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    email                VARCHAR(254)             NOT NULL,
    email_key            VARCHAR(254)             NOT NULL,
    display_name         VARCHAR(120)             NOT NULL,
    password_hash        VARCHAR(255),
    locale               VARCHAR(5)               NOT NULL,
    enabled              BOOLEAN                  NOT NULL,
    must_change_password BOOLEAN                  NOT NULL,
    failed_attempts      INTEGER                  NOT NULL,
    locked_until         TIMESTAMP WITH TIME ZONE,
    last_login_at        TIMESTAMP WITH TIME ZONE,
    password_changed_at  TIMESTAMP WITH TIME ZONE,
    oidc_issuer          VARCHAR(255),
    oidc_subject         VARCHAR(255),
    last_collectivite_id UUID,
    CONSTRAINT territory_user_account_email_uk UNIQUE (email_key),
    CONSTRAINT territory_user_account_oidc_uk UNIQUE (oidc_issuer, oidc_subject)
);

CREATE TABLE territory_membership (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id UUID                     NOT NULL REFERENCES territory_collectivite (id),
    user_id         UUID                     NOT NULL REFERENCES territory_user_account (id),
    role            VARCHAR(30)              NOT NULL,
    CONSTRAINT territory_membership_uk UNIQUE (collectivite_id, user_id)
);
CREATE INDEX territory_membership_user_ix ON territory_membership (user_id);

CREATE TABLE territory_municipal_service (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id UUID                     NOT NULL REFERENCES territory_collectivite (id),
    name            VARCHAR(120)             NOT NULL,
    name_key        VARCHAR(120)             NOT NULL,
    description     VARCHAR(500),
    contact_email   VARCHAR(254),
    active          BOOLEAN                  NOT NULL,
    CONSTRAINT territory_municipal_service_name_uk UNIQUE (collectivite_id, name_key)
);

CREATE TABLE territory_api_token (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id UUID                     NOT NULL REFERENCES territory_collectivite (id),
    user_id         UUID                     NOT NULL REFERENCES territory_user_account (id),
    name            VARCHAR(80)              NOT NULL,
    token_prefix    VARCHAR(16)              NOT NULL,
    token_hash      VARCHAR(64)              NOT NULL,
    role            VARCHAR(30)              NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    revoked_by      UUID,
    last_used_at    TIMESTAMP WITH TIME ZONE,
    last_used_ip    VARCHAR(45),
    CONSTRAINT territory_api_token_hash_uk UNIQUE (token_hash)
);
CREATE INDEX territory_api_token_owner_ix ON territory_api_token (collectivite_id, user_id);

CREATE TABLE territory_delegation (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id UUID                     NOT NULL REFERENCES territory_collectivite (id),
    delegate_id     UUID                     NOT NULL REFERENCES territory_collectivite (id),
    role            VARCHAR(30)              NOT NULL,
    granted_by      UUID,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    revoked_by      UUID
);
CREATE INDEX territory_delegation_commune_ix ON territory_delegation (collectivite_id);
CREATE INDEX territory_delegation_delegate_ix ON territory_delegation (delegate_id);
