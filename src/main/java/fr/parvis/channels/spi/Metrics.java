package fr.parvis.channels.spi;

/** Counters of posts and of the account. */
public interface Metrics {

    PostMetrics post(AccountContext account, String postExternalId);

    AccountMetrics account(AccountContext account);
}
