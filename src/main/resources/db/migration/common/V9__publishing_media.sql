-- The media library of a collectivité: images and videos, their bytes (stored in the database so
-- that every node sees them), and the renditions made for each network (resized, re-encoded,
-- metadata stripped). The same bytes uploaded twice are one medium (unique SHA-256 per collectivité).

CREATE TABLE publishing_media (
    id                  UUID                     NOT NULL PRIMARY KEY,
    version             BIGINT                   NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id     UUID                     NOT NULL REFERENCES territory_collectivite (id),
    kind                VARCHAR(10)              NOT NULL,
    media_type          VARCHAR(40)              NOT NULL,
    file_name           VARCHAR(255)             NOT NULL,
    size_bytes          BIGINT                   NOT NULL,
    width               INTEGER,
    height              INTEGER,
    sha256              VARCHAR(64)              NOT NULL,
    alt_text            VARCHAR(1500),
    subtitles_format    VARCHAR(10),
    burned_in_subtitles BOOLEAN                  NOT NULL,
    usage_count         INTEGER                  NOT NULL,
    archived_at         TIMESTAMP WITH TIME ZONE,
    created_by          UUID,
    CONSTRAINT publishing_media_sha256_uk UNIQUE (collectivite_id, sha256),
    CONSTRAINT publishing_media_size_ck CHECK (size_bytes > 0),
    CONSTRAINT publishing_media_usage_ck CHECK (usage_count >= 0)
);
CREATE INDEX publishing_media_list_ix ON publishing_media (collectivite_id, archived_at, created_at);

CREATE TABLE publishing_media_content (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id UUID                     NOT NULL REFERENCES territory_collectivite (id),
    media_id        UUID                     NOT NULL REFERENCES publishing_media (id),
    content         BYTEA                    NOT NULL,
    subtitles       BYTEA,
    thumbnail       BYTEA,
    thumbnail_type  VARCHAR(40),
    CONSTRAINT publishing_media_content_uk UNIQUE (media_id)
);

CREATE TABLE publishing_media_rendition (
    id                UUID                     NOT NULL PRIMARY KEY,
    version           BIGINT                   NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id   UUID                     NOT NULL REFERENCES territory_collectivite (id),
    media_id          UUID                     NOT NULL REFERENCES publishing_media (id),
    network           VARCHAR(20)              NOT NULL,
    profile_signature VARCHAR(200)             NOT NULL,
    media_type        VARCHAR(40)              NOT NULL,
    width             INTEGER                  NOT NULL,
    height            INTEGER                  NOT NULL,
    size_bytes        BIGINT                   NOT NULL,
    content           BYTEA                    NOT NULL,
    CONSTRAINT publishing_media_rendition_uk UNIQUE (collectivite_id, media_id, network)
);
