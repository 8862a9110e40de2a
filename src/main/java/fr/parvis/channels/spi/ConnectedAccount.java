package fr.parvis.channels.spi;

import java.net.URI;

/** The outcome of a successful connection: who the account is and the secrets to keep. */
public record ConnectedAccount(AccountInfo info, URI baseUrl, Credentials credentials) {
}
