package fr.parvis.shared.persistence;

import java.time.Clock;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;

/** Creation and update instants come from the injected clock, so tests control time. */
@Configuration(proxyBeanMethods = false)
@EnableJpaAuditing(dateTimeProviderRef = "clockDateTimeProvider")
class PersistenceConfiguration {

    @Bean
    DateTimeProvider clockDateTimeProvider(Clock clock) {
        return () -> Optional.of(clock.instant());
    }
}
