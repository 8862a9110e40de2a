package fr.parvis.territory.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login protection.
 *
 * @param maxFailedAttempts failed password logins in a row that lock the account
 * @param lockDuration how long the account stays locked (an administrator can unlock it sooner)
 */
@ConfigurationProperties("parvis.security.login")
public record LoginProperties(@DefaultValue("5") int maxFailedAttempts, @DefaultValue("15m") Duration lockDuration) {
}
