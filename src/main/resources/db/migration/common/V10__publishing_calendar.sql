-- Editorial calendar: the secret iCalendar feed address of an agent in one collectivité. Only the
-- SHA-256 of the secret is stored; a revoked feed answers 404.

CREATE TABLE publishing_calendar_feed (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id UUID                     NOT NULL REFERENCES territory_collectivite (id),
    user_id         UUID                     NOT NULL REFERENCES territory_user_account (id),
    token_hash      VARCHAR(64)              NOT NULL,
    last_used_at    TIMESTAMP WITH TIME ZONE,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT publishing_calendar_feed_hash_uk UNIQUE (token_hash)
);
CREATE INDEX publishing_calendar_feed_user_ix ON publishing_calendar_feed (collectivite_id, user_id);
