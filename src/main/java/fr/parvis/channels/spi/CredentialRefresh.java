package fr.parvis.channels.spi;

import java.time.Duration;

/** Renewing credentials before they expire. */
public interface CredentialRefresh {

    /** How long before expiry Parvis should renew. */
    Duration refreshBefore();

    /** Returns renewed credentials; throws {@link ConnectorException} (AUTH_REVOKED…) when it cannot. */
    Credentials refresh(AccountContext account);
}
