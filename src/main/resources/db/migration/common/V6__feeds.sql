-- RSS/Atom sources of a collectivité (its own news, local press, prefecture…) and the items read
-- from them. Items are deduplicated per source by their guid, else their link.

CREATE TABLE channels_feed_source (
    id                   UUID                     NOT NULL PRIMARY KEY,
    version              BIGINT                   NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id      UUID                     NOT NULL REFERENCES territory_collectivite (id),
    url                  VARCHAR(2048)            NOT NULL,
    title                VARCHAR(300),
    kind                 VARCHAR(30)              NOT NULL,
    label                VARCHAR(120),
    status               VARCHAR(20)              NOT NULL,
    created_by           UUID,
    last_fetch_at        TIMESTAMP WITH TIME ZONE,
    last_success_at      TIMESTAMP WITH TIME ZONE,
    next_fetch_at        TIMESTAMP WITH TIME ZONE,
    etag                 VARCHAR(500),
    last_modified        VARCHAR(100),
    last_error_key       VARCHAR(100),
    last_error_arguments VARCHAR(500),
    last_error_at        TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER                  NOT NULL,
    item_count           INTEGER                  NOT NULL,
    CONSTRAINT channels_feed_source_uk UNIQUE (collectivite_id, url)
);
CREATE INDEX channels_feed_source_due_ix ON channels_feed_source (status, next_fetch_at);

CREATE TABLE channels_feed_item (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id UUID                     NOT NULL REFERENCES territory_collectivite (id),
    source_id       UUID                     NOT NULL REFERENCES channels_feed_source (id),
    dedup_key       VARCHAR(600)             NOT NULL,
    guid            VARCHAR(1000),
    link            VARCHAR(2048),
    title           VARCHAR(500),
    summary         VARCHAR(2000),
    published_at    TIMESTAMP WITH TIME ZONE,
    author          VARCHAR(200),
    fetched_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT channels_feed_item_uk UNIQUE (source_id, dedup_key)
);
CREATE INDEX channels_feed_item_link_ix ON channels_feed_item (source_id, link);
CREATE INDEX channels_feed_item_time_ix ON channels_feed_item (source_id, fetched_at);
