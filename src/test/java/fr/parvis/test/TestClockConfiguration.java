package fr.parvis.test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every test context runs on a {@link MutableClock} (the application's own clock backs off when
 * a clock bean exists). Tests that move it forward reset it afterwards.
 */
@Configuration(proxyBeanMethods = false)
class TestClockConfiguration {

    @Bean
    MutableClock clock() {
        return new MutableClock();
    }
}
