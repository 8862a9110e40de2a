-- Video publishing: what Parvis reads of a video's header (duration, picture size) to check it
-- against each network's limits, and the videos published on the Sandbox (the simulated network
-- keeps them, with their subtitles, to show them).

ALTER TABLE publishing_media ADD COLUMN duration_ms BIGINT;

CREATE TABLE sandbox_post_video (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id UUID                     NOT NULL REFERENCES territory_collectivite (id),
    post_id         UUID                     NOT NULL REFERENCES sandbox_post (id),
    position        INTEGER                  NOT NULL,
    media_type      VARCHAR(40)              NOT NULL,
    size_bytes      BIGINT                   NOT NULL,
    content         BYTEA                    NOT NULL,
    alt_text        VARCHAR(1500),
    subtitles       VARCHAR(100000),
    subtitles_lang  VARCHAR(20),
    burned_in       BOOLEAN                  NOT NULL,
    duration_ms     BIGINT,
    CONSTRAINT sandbox_post_video_uk UNIQUE (post_id, position)
);
