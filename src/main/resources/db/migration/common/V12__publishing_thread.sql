-- Threads: the follow-up parts of a variant, published after the main post as a reply chain (each
-- part answers the previous one). Each part keeps its own publication state and network id, so a
-- thread interrupted by a crash or a timeout continues from the first part not recorded, never
-- publishing a part twice.

CREATE TABLE publishing_thread_part (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id UUID                     NOT NULL REFERENCES territory_collectivite (id),
    variant_id      UUID                     NOT NULL REFERENCES publishing_variant (id),
    part_number     INTEGER                  NOT NULL,
    text            VARCHAR(10000),
    media_ids       VARCHAR(400),
    state           VARCHAR(30)              NOT NULL,
    claimed_at      TIMESTAMP WITH TIME ZONE,
    claimed_by      VARCHAR(200),
    external_id     VARCHAR(600),
    url             VARCHAR(2048),
    published_at    TIMESTAMP WITH TIME ZONE,
    error_key       VARCHAR(100),
    error_arguments VARCHAR(500),
    resolved_by     VARCHAR(200),
    CONSTRAINT publishing_thread_part_uk UNIQUE (variant_id, part_number)
);
CREATE INDEX publishing_thread_part_state_ix ON publishing_thread_part (state, updated_at);
