-- The Sandbox looks every publication up by its idempotency key (deduplication and read-back):
-- without this index each lookup reads all the posts of the account.
CREATE INDEX sandbox_post_key_ix ON sandbox_post (account_id, idempotency_key);
