package fr.parvis.api;

import fr.parvis.test.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Gives the API tests a clock they can move forward (token expiry). */
@TestConfiguration(proxyBeanMethods = false)
class ApiTestConfiguration {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }
}
