package fr.parvis.test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The fixtures give every test user one of a few passwords, and Argon2 (16 MiB, 2 passes) hashed
 * each of them again: a large share of the suite's time. Every test context keeps the application's
 * encoder and its real hashes, but remembers its answers (across the contexts of the test JVM): a
 * password is hashed once and that hash, which verifies like any other, is given to the next users
 * with the same password; a check of a password against a hash is computed once.
 */
@Configuration(proxyBeanMethods = false)
class TestPasswordHashingConfiguration {

    @Bean
    static BeanPostProcessor rememberingPasswordEncoder() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof PasswordEncoder encoder && !(bean instanceof RememberingPasswordEncoder)) {
                    return new RememberingPasswordEncoder(encoder);
                }
                return bean;
            }
        };
    }

    /** The application's encoder, with its answers remembered. */
    static final class RememberingPasswordEncoder implements PasswordEncoder {

        private static final Map<String, String> HASHES = new ConcurrentHashMap<>();
        private static final Map<String, Boolean> CHECKS = new ConcurrentHashMap<>();

        private final PasswordEncoder encoder;

        RememberingPasswordEncoder(PasswordEncoder encoder) {
            this.encoder = encoder;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            if (rawPassword == null) {
                return encoder.encode(null);
            }
            return HASHES.computeIfAbsent(rawPassword.toString(), encoder::encode);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            if (rawPassword == null || encodedPassword == null) {
                return encoder.matches(rawPassword, encodedPassword);
            }
            return CHECKS.computeIfAbsent(rawPassword.length() + ":" + rawPassword + "\n" + encodedPassword,
                    key -> encoder.matches(rawPassword, encodedPassword));
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return encoder.upgradeEncoding(encodedPassword);
        }
    }
}
